import type { OrgUnitView } from '@rodtrad/contracts';

/** The bodies a year's goals and reports are filtered by (nämnder, bolag and KS), by name. */
export function namnderOf(units: readonly OrgUnitView[] | undefined): OrgUnitView[] {
  return (units ?? [])
    .filter((u) => u.kind === 'namnd' || u.kind === 'bolag' || u.kind === 'ks')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

/** The options of a unit picker: first the empty choice (`empty`, e.g. Alla or Ingen) if any, then the units. */
export function UnitOptions({
  units,
  empty,
}: {
  units: readonly { id: unknown; name: string }[];
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {units.map((u) => (
        <option key={String(u.id)} value={String(u.id)}>
          {u.name}
        </option>
      ))}
    </>
  );
}
