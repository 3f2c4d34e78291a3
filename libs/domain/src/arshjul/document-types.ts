import { DomainError } from '../domain-error';
import {
  DOCUMENT_TYPE_KEYS,
  DOCUMENT_TYPES,
  type DocumentTypeKey,
} from '../document-types/document-type-traits';
import { OrgUnitKind } from '../org/org-unit';

// The table of document types lives in document-types/document-type-traits; the rules of the
// red thread and ownership over it stay here, beside the year wheel that uses them.
export {
  DOCUMENT_TYPE_KEYS,
  DOCUMENT_TYPES,
  type DocumentTypeKey,
  type DocumentTypeTraits,
} from '../document-types/document-type-traits';

/**
 * Workflow definitions refer to deadlines by `meta.deadline.key`: the document types, and the
 * year wheel's decision lines inside a document (`skattesats`, KF's tax-rate step of Budget och
 * flerårsplan).
 */
export type DeadlineKey = DocumentTypeKey | 'skattesats';
export const DEADLINE_KEYS: readonly DeadlineKey[] = [...DOCUMENT_TYPE_KEYS, 'skattesats'];

export function isDocumentTypeKey(value: unknown): value is DocumentTypeKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, value);
}

export function isDeadlineKey(value: unknown): value is DeadlineKey {
  return isDocumentTypeKey(value) || value === 'skattesats';
}

export function canOwnDocument(type: DocumentTypeKey, unitKind: OrgUnitKind): boolean {
  return DOCUMENT_TYPES[type].ownerKinds.includes(unitKind);
}

/** Per-municipality override of the red thread, e.g. `{ enhetsplan: 'forvaltningsplan' }`. */
export type UpstreamOverrides = Partial<Record<DocumentTypeKey, DocumentTypeKey | null>>;

export function upstreamOf(type: DocumentTypeKey, overrides: UpstreamOverrides = {}): DocumentTypeKey | null {
  return Object.prototype.hasOwnProperty.call(overrides, type)
    ? (overrides[type] ?? null)
    : DOCUMENT_TYPES[type].upstream;
}

/**
 * The whole way up the red thread, nearest first. Callers walk it to the first document that
 * exists for the unit's chain, e.g. an enhet directly under a förvaltning has no verksamhetsplan
 * above it and builds on the förvaltningsplan instead.
 */
export function upstreamChain(type: DocumentTypeKey, overrides: UpstreamOverrides = {}): DocumentTypeKey[] {
  const result: DocumentTypeKey[] = [];
  let next = upstreamOf(type, overrides);
  while (next !== null) {
    if (next === type || result.includes(next)) {
      throw new DomainError('arshjul.upstream-cycle', `red thread overrides form a cycle through ${next}`);
    }
    result.push(next);
    next = upstreamOf(next, overrides);
  }
  return result;
}
