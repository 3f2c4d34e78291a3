import type { DocumentRow } from '@rodtrad/persistence';
import { DocumentCache } from './document-cache';

const row = (id: string, version: number): DocumentRow => ({ id, version }) as DocumentRow;

describe('DocumentCache', () => {
  it('gives a row only at the version asked for', () => {
    const cache = new DocumentCache(10);
    cache.remember(row('a', 3));
    expect(cache.at('a', 3)?.version).toBe(3);
    expect(cache.at('a', 2)).toBeUndefined();
    expect(cache.at('a', 4)).toBeUndefined();
    expect(cache.at('b', 3)).toBeUndefined();
  });

  it('keeps the newer row when an older read lands after it', () => {
    const cache = new DocumentCache(10);
    cache.remember(row('a', 5));
    cache.remember(row('a', 4));
    expect(cache.at('a', 5)).toBeDefined();
    expect(cache.at('a', 4)).toBeUndefined();
    cache.remember(row('a', 6));
    expect(cache.at('a', 6)).toBeDefined();
  });

  it('makes room by dropping the least recently used row', () => {
    const cache = new DocumentCache(2);
    cache.remember(row('a', 1));
    cache.remember(row('b', 1));
    expect(cache.at('a', 1)).toBeDefined(); // a is now more recent than b
    cache.remember(row('c', 1));
    expect(cache.size).toBe(2);
    expect(cache.at('b', 1)).toBeUndefined();
    expect(cache.at('a', 1)).toBeDefined();
    expect(cache.at('c', 1)).toBeDefined();
  });

  it('forgets a row of a given version only while it is still that version', () => {
    const cache = new DocumentCache(2);
    cache.remember(row('a', 2));
    cache.forget('a', 1);
    expect(cache.at('a', 2)).toBeDefined();
    cache.forget('a', 2);
    expect(cache.at('a', 2)).toBeUndefined();
  });

  it('forgets a row on request, and remembers nothing at capacity 0', () => {
    const cache = new DocumentCache(2);
    cache.remember(row('a', 1));
    cache.forget('a');
    expect(cache.at('a', 1)).toBeUndefined();
    const off = new DocumentCache(0);
    off.remember(row('a', 1));
    expect(off.size).toBe(0);
    expect(off.at('a', 1)).toBeUndefined();
  });
});
