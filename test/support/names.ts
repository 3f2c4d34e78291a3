import { createHash } from 'node:crypto';

/**
 * `name` if it fits in `max` characters; otherwise its start and a digest of all of it, so that
 * two long names (a long TEST_RUN_ID) that differ only at the end stay apart. For database names
 * (64 characters) and queue prefixes.
 */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  return `${name.slice(0, max - 9)}_${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}
