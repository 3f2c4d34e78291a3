import { createHash } from 'node:crypto';

/**
 * The audit trail of a document is a hash chain: each entry carries the hash of the one
 * before it, so changing or removing an entry breaks every hash after it.
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
}

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

/** Hashes exactly the fields of the link (never extra columns a reader joined in). */
export function linkHash(link: AuditLink): string {
  const {
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
    dataHash,
  } = link;
  return sha256(
    canonicalJson({
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
      dataHash,
      prevHash: link.prevHash ?? GENESIS_HASH,
    }),
  );
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: { documentId: string; seq: number; reason: string };
}

/** Walks one document's entries in order; the first broken link is named. */
export function verifyChain(entries: (AuditLink & { hash: string })[]): ChainCheck {
  let prev: string | null = null;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1)
      return {
        ok: false,
        checked: i,
        brokenAt: { documentId: e.documentId, seq: e.seq, reason: `expected entry ${i + 1}, found ${e.seq}` },
      };
    if ((e.prevHash ?? null) !== prev)
      return {
        ok: false,
        checked: i,
        brokenAt: { documentId: e.documentId, seq: e.seq, reason: 'previous hash does not match' },
      };
    if (linkHash(e) !== e.hash)
      return {
        ok: false,
        checked: i,
        brokenAt: { documentId: e.documentId, seq: e.seq, reason: 'entry was altered' },
      };
    prev = e.hash;
  }
  return { ok: true, checked: entries.length };
}
