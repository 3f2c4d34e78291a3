import type { OrgUnitKind } from '../org/org-unit';
import { canOwnDocument, DOCUMENT_TYPES, isDocumentTypeKey, type DocumentTypeKey } from './document-types';
import { isDocumentPeriod, reportPeriodLabel } from './report-periods';

/** What a new document would be: its type, owner, budget year and period (null when none). */
export interface DocumentCreationRequest {
  type: string;
  /** The owning unit as the organisation knows it; undefined when there is no such unit. */
  unit: { name: string; kind: OrgUnitKind } | undefined;
  year: number;
  period: string | null;
}

/** Why a document cannot be created: a sentence for the user and the field it is about. */
export interface DocumentCreationProblem {
  detail: string;
  pointer: '/type' | '/orgUnitId' | '/period';
  message: string;
}

/**
 * The first reason the document cannot exist, or null when it can: the type is known, the unit
 * exists and may own the type, and the period fits the type (a periodic type needs one).
 */
export function documentCreationProblem(req: DocumentCreationRequest): DocumentCreationProblem | null {
  if (!isDocumentTypeKey(req.type))
    return {
      detail: `Dokumenttypen ${req.type} finns inte.`,
      pointer: '/type',
      message: 'Okänd dokumenttyp.',
    };
  const type = DOCUMENT_TYPES[req.type];
  if (!req.unit) {
    const message = 'Organisationsenheten finns inte.';
    return { detail: message, pointer: '/orgUnitId', message };
  }
  if (!canOwnDocument(type.key, req.unit.kind))
    return {
      detail: `${type.title} kan inte ägas av ${req.unit.name}.`,
      pointer: '/orgUnitId',
      message: 'Enheten kan inte äga den här dokumenttypen.',
    };
  if (req.period !== null ? !isDocumentPeriod(type.key, req.period, req.year) : type.periodic)
    return {
      detail: 'Perioden passar inte dokumenttypen.',
      pointer: '/period',
      message: 'Ogiltig period för dokumenttypen.',
    };
  return null;
}

/**
 * The title a document gets when none is given: "Mål och budget 2027 – Bildningsnämnden",
 * "Månadsrapport februari 2027 – …" for a report period, "Åtgärdsplan 2027 nr 2 – …" for a
 * numbered one.
 */
export function documentTitle(
  type: DocumentTypeKey,
  year: number,
  period: string | null,
  unitName: string,
): string {
  const { title, periodic } = DOCUMENT_TYPES[type];
  if (!period) return `${title} ${year} – ${unitName}`;
  return periodic
    ? `${title} ${reportPeriodLabel(type, period, year)} – ${unitName}`
    : `${title} ${year} nr ${period} – ${unitName}`;
}
