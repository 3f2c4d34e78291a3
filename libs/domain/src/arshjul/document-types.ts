import { DomainError } from '../domain-error';
import { OrgUnitKind } from '../org/org-unit';

export type DocumentTypeKey =
  | 'gpf'
  | 'mal-och-budget'
  | 'forvaltningsplan'
  | 'verksamhetsplan'
  | 'enhetsplan'
  | 'internkontrollplan'
  | 'atgardsplan'
  | 'manadsrapport'
  | 'tertialrapport'
  | 'delarsrapport'
  | 'verksamhetsberattelse';

export interface DocumentTypeDefinition {
  key: DocumentTypeKey;
  /** Swedish title as shown in the UI. */
  title: string;
  /** Kinds of unit that own (produce) a document of this type. */
  ownerKinds: readonly OrgUnitKind[];
  /**
   * The document one level up the red thread (röda tråden) that this one must build on, or null
   * when it stands at the top or answers a trigger rather than a plan.
   */
  upstream: DocumentTypeKey | null;
  /** Documents whose findings can create one of these (only åtgärdsplan so far). */
  triggeredBy?: readonly DocumentTypeKey[];
  /** One document per report period within a budget year (see `reportPeriods`). */
  periodic: boolean;
}

/*
 * Owner kinds: the nämnd-level documents also list KS, because KS is the nämnd for its own
 * administration and produces its own Mål och budget, internal control and reports; companies
 * report at the interim and year end like a nämnd (§5.4.1). GPF is prepared by KS for KF.
 *
 * Red thread (§5): GPF gives frames and strategic areas → each nämnd's Mål och budget →
 * förvaltningsplan → verksamhetsplan → enhetsplan. Internal control and all reports follow up the
 * nämnd's Mål och budget. An åtgärdsplan answers a report that shows a lacking goal fulfilment or
 * a deviation (§6.1 May and August, §5.4.2), so it has no upstream plan but trigger documents.
 */
export const DOCUMENT_TYPES: Readonly<Record<DocumentTypeKey, DocumentTypeDefinition>> = {
  gpf: {
    key: 'gpf',
    title: 'Gemensamma planeringsförutsättningar',
    ownerKinds: ['ks'],
    upstream: null,
    periodic: false,
  },
  'mal-och-budget': {
    key: 'mal-och-budget',
    title: 'Mål och budget',
    ownerKinds: ['namnd', 'ks'],
    upstream: 'gpf',
    periodic: false,
  },
  forvaltningsplan: {
    key: 'forvaltningsplan',
    title: 'Förvaltningsplan',
    ownerKinds: ['forvaltning'],
    upstream: 'mal-och-budget',
    periodic: false,
  },
  verksamhetsplan: {
    key: 'verksamhetsplan',
    title: 'Verksamhetsplan',
    ownerKinds: ['omrade'],
    upstream: 'forvaltningsplan',
    periodic: false,
  },
  enhetsplan: {
    key: 'enhetsplan',
    title: 'Enhetsplan',
    ownerKinds: ['enhet'],
    upstream: 'verksamhetsplan',
    periodic: false,
  },
  internkontrollplan: {
    key: 'internkontrollplan',
    title: 'Internkontrollplan',
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: false,
  },
  atgardsplan: {
    key: 'atgardsplan',
    title: 'Åtgärdsplan',
    // The nämnd (or KS, or a company) that deviated writes it; the special plan after a negative
    // balance result is the same document, marked `sarskild`, and goes on to KF for adoption.
    ownerKinds: ['namnd', 'ks', 'bolag'],
    upstream: null,
    triggeredBy: ['manadsrapport', 'tertialrapport', 'delarsrapport', 'verksamhetsberattelse'],
    periodic: false,
  },
  manadsrapport: {
    key: 'manadsrapport',
    title: 'Månadsrapport',
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: true,
  },
  tertialrapport: {
    key: 'tertialrapport',
    title: 'Tertialrapport',
    ownerKinds: ['namnd', 'ks'],
    upstream: 'mal-och-budget',
    periodic: true,
  },
  delarsrapport: {
    key: 'delarsrapport',
    title: 'Delårsrapport',
    ownerKinds: ['namnd', 'ks', 'bolag'],
    upstream: 'mal-och-budget',
    periodic: true,
  },
  verksamhetsberattelse: {
    key: 'verksamhetsberattelse',
    title: 'Verksamhetsberättelse',
    ownerKinds: ['namnd', 'ks', 'bolag'],
    upstream: 'mal-och-budget',
    periodic: false,
  },
};

export const DOCUMENT_TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as DocumentTypeKey[];

/** Workflow definitions refer to deadlines by `meta.deadline.key`; the keys are the document types. */
export type DeadlineKey = DocumentTypeKey;
export const DEADLINE_KEYS: readonly DeadlineKey[] = DOCUMENT_TYPE_KEYS;

export function isDocumentTypeKey(value: unknown): value is DocumentTypeKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, value);
}

export const isDeadlineKey: (value: unknown) => value is DeadlineKey = isDocumentTypeKey;

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
