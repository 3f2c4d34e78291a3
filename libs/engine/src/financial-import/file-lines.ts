import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

/** What was read of a file: its SHA-256 (hex) and size, known once the stream has ended. */
export interface FileDigest {
  sha256: string;
  sizeBytes: number;
}

/** How the bytes become text: SIE is PC8 (code page 437); CSV is UTF-8 or Windows-1252. */
export type TextEncoding = 'sie' | 'csv';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWithBom(chunk: Buffer): boolean {
  return UTF8_BOM.every((b, i) => chunk[i] === b);
}

/** Valid UTF-8 in the first chunk (a sequence cut at its end is allowed)? Plain ASCII counts. */
function looksUtf8(chunk: Buffer): boolean {
  let end = chunk.length;
  // Leave out a multi-byte sequence the chunk cuts in two.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = chunk[end - back] as number;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The decoding of each file format, chosen from the first chunk. SIE files are PC8 by the standard
 * (#FORMAT PC8); one that begins with a UTF-8 byte order mark is read as UTF-8 (some programs write
 * that, against the standard). A CSV export with a BOM, or valid UTF-8, is UTF-8; else Windows-1252
 * (Excel's "CSV (semikolonavgränsad)" on a Swedish Windows).
 */
export function encodingOf(kind: TextEncoding, first: Buffer): string {
  if (startsWithBom(first)) return 'utf-8';
  if (kind === 'sie') return 'cp437';
  return looksUtf8(first) ? 'utf-8' : 'win1252';
}

/**
 * Hashes and counts every byte that passes (SHA-256 of the file as uploaded), so a parser reading
 * the stream computes the digest in the same pass.
 */
export function digesting(source: Readable): { stream: Readable; digest: () => FileDigest } {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let result: FileDigest | null = null;
  const through = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    sizeBytes += chunk.length;
  });
  source.on('error', (e) => through.destroy(e));
  source.pipe(through);
  return {
    stream: through,
    digest: () => (result ??= { sha256: hash.digest('hex'), sizeBytes }),
  };
}

/**
 * The file's lines, decoded, one at a time with their numbers (from 1), in constant memory: a
 * line break is `\n` or `\r\n`; a BOM at the start is dropped; a last line without a break counts.
 */
export async function* decodedLines(
  stream: Readable,
  kind: TextEncoding,
): AsyncGenerator<{ text: string; line: number }> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let rest = '';
  let line = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!decoder) decoder = iconv.getDecoder(encodingOf(kind, chunk), { stripBOM: true });
    let text = rest + decoder.write(chunk);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl !== -1) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: text.slice(start, end), line: ++line };
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  const tail = rest + (decoder?.end() ?? '');
  if (tail !== '') yield { text: tail.replace(/\r$/, ''), line: ++line };
}
