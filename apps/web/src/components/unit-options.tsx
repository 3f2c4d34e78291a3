/** The options of a unit picker: first the empty choice (`empty`, e.g. Alla or Ingen), then the units. */
export function UnitOptions({
  units,
  empty,
}: {
  units: readonly { id: unknown; name: string }[];
  empty: string;
}) {
  return (
    <>
      <option value="">{empty}</option>
      {units.map((u) => (
        <option key={String(u.id)} value={String(u.id)}>
          {u.name}
        </option>
      ))}
    </>
  );
}
