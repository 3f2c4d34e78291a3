import type { DocumentRow } from '@rodtrad/persistence';

/**
 * The documents this process last read or wrote, each as of its version: a transition whose
 * `expectedVersion` matches a remembered row starts from it instead of reading the row again.
 *
 * Safe because nothing trusts it. Every change of what a transition reads (snapshot, state, data,
 * the audit chain's head, the pinned definition) raises `version`, and the transition's write is
 * `UPDATE … WHERE id = ? AND version = ?`: a row that changed elsewhere (the worker, another API
 * process) fails that guard, and the engine then reads the row afresh and decides again. The
 * columns that change without a version (`due_at` and `overdue`, moved by the deadline worker) are
 * not read by a transition. Least recently used rows make room once `capacity` is reached;
 * a capacity of 0 turns the cache off.
 */
export class DocumentCache {
  private readonly rows = new Map<string, DocumentRow>();

  constructor(readonly capacity: number) {}

  /** The remembered row, only if it is at this version. */
  at(id: string, version: number): DocumentRow | undefined {
    const row = this.rows.get(id);
    if (!row || row.version !== version) return undefined;
    // Map keeps insertion order: taking the row out and back in makes it the most recent.
    this.rows.delete(id);
    this.rows.set(id, row);
    return row;
  }

  remember(row: DocumentRow): void {
    if (this.capacity <= 0) return;
    const held = this.rows.get(row.id);
    // An older read finishing late must not replace a newer row.
    if (held && held.version > row.version) return;
    this.rows.delete(row.id);
    this.rows.set(row.id, row);
    if (this.rows.size > this.capacity) this.rows.delete(this.rows.keys().next().value as string);
  }

  /** Forgets the row; with `version`, only if it is still the row of that version (not a newer one). */
  forget(id: string, version?: number): void {
    if (version === undefined || this.rows.get(id)?.version === version) this.rows.delete(id);
  }

  get size(): number {
    return this.rows.size;
  }
}
