import {
  canOwnDocument,
  DOCUMENT_TYPE_KEYS,
  DOCUMENT_TYPES,
  OWNED_BODY_KINDS,
  type DocumentTypeKey,
  type OrgUnitNode,
  type YearWheelEntry,
} from '@rodtrad/domain';

/** One document a budget year should have: a type for a unit (and a report period). */
export interface PlannedDocument {
  type: DocumentTypeKey;
  orgUnitId: string;
  period: string | null;
}

/**
 * Every document the year wheel names, for every unit that owns its type (DOCUMENT_TYPES'
 * owner kinds): the municipality-wide ones (GPF, Budget och flerårsplan, the municipality's
 * interim and annual reports) once, for the first KS; Mål och budget, internkontrollplan and the reports
 * for each nämnd and KS (companies report at the interim and year end, §5.4.1); förvaltningsplan,
 * verksamhetsplan and enhetsplan for each förvaltning, område and enhet; none for a unit under a
 * company or kommunalförbund, which is outside the nämnder's red thread (a company reports in its
 * own bolagsrapport, twice a year by the wheel). Lines without a fixed
 * date (åtgärdsplan) answer a trigger and are never planned. Periods come from the wheel, so a
 * municipality's edited wheel decides which reports there are.
 */
export function plannedDocuments(
  wheel: readonly YearWheelEntry[],
  units: readonly Pick<OrgUnitNode, 'id' | 'kind' | 'parentId'>[],
): PlannedDocument[] {
  const outside = unitsInOwnedBodies(units);
  const periodsByType = new Map<DocumentTypeKey, (string | null)[]>();
  for (const entry of wheel) {
    if (!entry.documentType || entry.date === null) continue;
    const periods = periodsByType.get(entry.documentType) ?? [];
    const period = DOCUMENT_TYPES[entry.documentType].periodic ? (entry.period ?? null) : null;
    if (!periods.includes(period)) periods.push(period);
    periodsByType.set(entry.documentType, periods);
  }
  const out: PlannedDocument[] = [];
  for (const type of DOCUMENT_TYPE_KEYS) {
    const periods = periodsByType.get(type);
    if (!periods) continue;
    let owners = units.filter((u) => canOwnDocument(type, u.kind) && !outside.has(u.id));
    // The GPF, KF's budget and the municipality's reports are one document each, prepared by KS.
    if (DOCUMENT_TYPES[type].municipalityWide) owners = owners.slice(0, 1);
    for (const unit of owners) for (const period of periods) out.push({ type, orgUnitId: unit.id, period });
  }
  return out;
}

/** The units that lie below a company or kommunalförbund (not the body itself). */
function unitsInOwnedBodies(units: readonly Pick<OrgUnitNode, 'id' | 'kind' | 'parentId'>[]): Set<string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Set<string>();
  for (const unit of units) {
    const seen = new Set<string>();
    let parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    while (parent && !seen.has(parent.id)) {
      if (OWNED_BODY_KINDS.includes(parent.kind)) {
        out.add(unit.id);
        break;
      }
      seen.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return out;
}

export function slotKey(type: string, orgUnitId: string, period: string | null): string {
  return `${type}|${orgUnitId}|${period ?? ''}`;
}
