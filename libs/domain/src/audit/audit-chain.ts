import { createHash, createHmac } from 'node:crypto';

/**
 * The audit trails are hash chains: each entry carries the hash of the one before it, so changing
 * or removing an entry breaks every hash after it. The hash is an HMAC-SHA-256 under a key from
 * configuration (AUDIT_KEYS), with the key's id inside what is hashed and stored on the entry, so
 * someone who can write the database but lacks the key cannot make an entry that verifies.
 *
 * Entries written before the chain was keyed have no key id and a plain SHA-256 (the legacy hash).
 * They are accepted only at the start of a chain: once a chain holds a keyed entry, every later
 * entry must be keyed too, and the first keyed entry seals the legacy ones before it.
 */
export interface AuditLink {
  documentId: string;
  seq: number;
  at: string; // ISO instant, millisecond precision
  actorUserId: string | null;
  onBehalfOfUserId: string | null;
  via: 'user' | 'system' | 'email-link';
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  dataHash: string;
  prevHash: string | null;
  /** The key the entry was hashed with; null for a legacy (unkeyed) entry. */
  keyId: string | null;
}

/** One entry of the administrative log (users, roles, delegations, acknowledgements): one chain for the table. */
export interface AdminAuditLink {
  seq: number;
  at: string; // ISO instant, millisecond precision
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: unknown;
  prevHash: string | null;
  keyId: string | null;
}

export interface AuditKey {
  id: string;
  secret: Uint8Array;
}

/** The keys of the chains: the first writes new entries, every one verifies (so old keys can retire slowly). */
export type AuditKeyring = readonly AuditKey[];

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: keys sorted at every level, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const dataHash = (data: unknown): string => sha256(canonicalJson(data));

/** The key new entries are written with. */
export function writingKey(keyring: AuditKeyring): AuditKey {
  const key = keyring[0];
  if (!key) throw new Error('The audit keyring is empty');
  return key;
}

/**
 * The hash of one entry's content after `prevHash`: HMAC-SHA-256 under the key named `keyId`
 * (the id hashed too), or the legacy plain SHA-256 when `keyId` is null. Undefined when the
 * keyring does not hold the key.
 */
function chainHash(
  content: Record<string, unknown>,
  prevHash: string | null,
  keyId: string | null,
  keyring: AuditKeyring,
): string | undefined {
  const prev = prevHash ?? GENESIS_HASH;
  if (keyId === null) return sha256(canonicalJson({ ...content, prevHash: prev }));
  const key = keyring.find((k) => k.id === keyId);
  if (!key) return undefined;
  return createHmac('sha256', key.secret)
    .update(canonicalJson({ ...content, keyId, prevHash: prev }))
    .digest('hex');
}

function known(hash: string | undefined, keyId: string | null): string {
  if (hash === undefined) throw new Error(`The audit keyring holds no key "${keyId}"`);
  return hash;
}

/** The fields of a document's link that are hashed (never extra columns a reader joined in). */
function documentContent(link: AuditLink): Record<string, unknown> {
  const { documentId, seq, at, actorUserId, onBehalfOfUserId, via, event, fromState, toState, comment } =
    link;
  return {
    documentId,
    seq,
    at,
    actorUserId,
    onBehalfOfUserId,
    via,
    event,
    fromState,
    toState,
    comment,
    dataHash: link.dataHash,
  };
}

function adminContent(link: AdminAuditLink): Record<string, unknown> {
  const { seq, at, actorUserId, action, entityType, entityId, details } = link;
  return { seq, at, actorUserId, action, entityType, entityId, detailsHash: dataHash(details) };
}

/** The hash of a document's link, under the key it names (throws when the keyring lacks it). */
export function linkHash(link: AuditLink, keyring: AuditKeyring): string {
  return known(chainHash(documentContent(link), link.prevHash, link.keyId, keyring), link.keyId);
}

/** The hash of an administrative link, under the key it names (throws when the keyring lacks it). */
export function adminLinkHash(link: AdminAuditLink, keyring: AuditKeyring): string {
  return known(chainHash(adminContent(link), link.prevHash, link.keyId, keyring), link.keyId);
}

/** The link after `head`, keyed with the writing key, and its hash. */
export function nextLink<L extends AuditLink | AdminAuditLink>(
  entry: Omit<L, 'seq' | 'prevHash' | 'keyId'>,
  head: { seq: number; hash: string | null },
  keyring: AuditKeyring,
  hashOf: (link: L, keyring: AuditKeyring) => string,
): L & { hash: string } {
  const link = { ...entry, seq: head.seq + 1, prevHash: head.hash, keyId: writingKey(keyring).id } as L;
  return { ...link, hash: hashOf(link, keyring) };
}

/** Where a walk along a chain has got to: the last entry checked (seq 0 before the first). */
export interface ChainPosition {
  seq: number;
  hash: string | null;
  keyed: boolean;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: null, keyed: false };

interface StoredLink {
  seq: number;
  prevHash: string | null;
  keyId: string | null;
  hash: string;
}

/** Why `entry` cannot follow `before`, or null when it can. */
function linkProblem<E extends StoredLink>(
  e: E,
  before: ChainPosition,
  hashOf: (e: E) => string | undefined,
): string | null {
  if (e.seq !== before.seq + 1) return `expected entry ${before.seq + 1}, found ${e.seq}`;
  if ((e.prevHash ?? null) !== before.hash) return 'previous hash does not match';
  if (e.keyId === null && before.keyed) return 'unkeyed entry after a keyed one';
  const hash = hashOf(e);
  if (hash === undefined) return `unknown audit key "${e.keyId}"`;
  if (hash !== e.hash) return 'entry was altered';
  return null;
}

/** Checks one administrative entry after `before`; the new position, or the reason it is broken. */
export function checkAdminLink(
  e: AdminAuditLink & { hash: string },
  before: ChainPosition,
  keyring: AuditKeyring,
): { ok: true; at: ChainPosition } | { ok: false; reason: string } {
  const problem = linkProblem(e, before, (l) => chainHash(adminContent(l), l.prevHash, l.keyId, keyring));
  if (problem) return { ok: false, reason: problem };
  return { ok: true, at: { seq: e.seq, hash: e.hash, keyed: before.keyed || e.keyId !== null } };
}

/**
 * Why a chain that ends at `last` does not end at the head recorded beside it (the document's
 * audit_seq/audit_hash, the admin log's head row), with the seq to name; null when it does.
 */
export function headProblem(
  last: { seq: number; hash: string | null },
  head: { seq: number; hash: string | null },
): { seq: number; reason: string } | null {
  if (last.seq < head.seq)
    return { seq: last.seq + 1, reason: `entries missing at the end (head is ${head.seq})` };
  if (last.seq > head.seq)
    return { seq: head.seq + 1, reason: `entries after the head (head is ${head.seq})` };
  if ((last.hash ?? null) !== (head.hash ?? null))
    return { seq: last.seq, reason: 'head hash does not match' };
  return null;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: { documentId: string; seq: number; reason: string };
}

/**
 * Walks one document's entries in order with the keyring; the first broken link is named. With
 * `head` (the document's audit_seq and audit_hash), the chain must also end exactly there, so a
 * cut tail is found.
 */
export function verifyChain(
  entries: (AuditLink & { hash: string })[],
  keyring: AuditKeyring,
  head?: { documentId: string; seq: number; hash: string | null },
): ChainCheck {
  let at = CHAIN_START;
  for (const [i, e] of entries.entries()) {
    const problem = linkProblem(e, at, (l) => chainHash(documentContent(l), l.prevHash, l.keyId, keyring));
    if (problem)
      return { ok: false, checked: i, brokenAt: { documentId: e.documentId, seq: e.seq, reason: problem } };
    at = { seq: e.seq, hash: e.hash, keyed: at.keyed || e.keyId !== null };
  }
  const end = head && headProblem(at, head);
  if (head && end)
    return { ok: false, checked: entries.length, brokenAt: { documentId: head.documentId, ...end } };
  return { ok: true, checked: entries.length };
}
