// What of a document the public may see (offentlighetsprincipen with sekretess): only adopted
// documents, none marked secret as a whole, and of the others every field but those marked. Pure.
import type { SecrecyMark } from './document-layout';

/** A document is public when it is adopted (its workflow's final step) and not secret as a whole. */
export function isPublicDocument(doc: { final: boolean }, marks: readonly SecrecyMark[]): boolean {
  return doc.final && !marks.some((m) => m.pointer === '');
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The data without the fields marked secret: each marked value is taken out (an array item keeps
 * its place as null, so the numbering of the others stays). Returns a copy; the input is untouched.
 */
export function redactData(
  data: Record<string, unknown>,
  marks: readonly SecrecyMark[],
): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const { pointer } of marks) {
    if (pointer === '') continue;
    const parts = pointer.split('/').slice(1).map(unescape);
    let node: unknown = copy;
    for (let i = 0; i < parts.length - 1 && node !== null && typeof node === 'object'; i++)
      node = (node as Record<string, unknown>)[parts[i] as string];
    const last = parts[parts.length - 1] as string;
    if (Array.isArray(node) && /^\d+$/.test(last) && Number(last) < node.length) node[Number(last)] = null;
    else if (node !== null && typeof node === 'object' && !Array.isArray(node))
      delete (node as Record<string, unknown>)[last];
  }
  return copy;
}
