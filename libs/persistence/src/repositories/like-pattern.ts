/** A text for a LIKE pattern with `ESCAPE '\\'`: its own %, _ and \ match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
