import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { decodedLines, digesting, encodingOf } from './file-lines';

/** A stream of `bytes` cut into chunks of `size` bytes, so every boundary case is crossed. */
const chunked = (bytes: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );

async function lines(bytes: Buffer, kind: 'sie' | 'csv', size: number): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const { text, line } of decodedLines(chunked(bytes, size), kind)) out.push([line, text]);
  return out;
}

describe('file-lines: the upload as numbered lines', () => {
  const SIE =
    '#OBJEKT 1 "4210" "Fågelsångens förskola"\r\n#KONTO 5110 "Månadsavlönade"\r\n#PSALDO 0 209101 5110 {1 "4210"} 1.00';

  it.each([1, 2, 3, 7, 4096])(
    'decodes PC8 SIE, CRLF and a last line without a break, in chunks of %i bytes',
    async (size) => {
      expect(await lines(iconv.encode(SIE, 'cp437'), 'sie', size)).toEqual([
        [1, '#OBJEKT 1 "4210" "Fågelsångens förskola"'],
        [2, '#KONTO 5110 "Månadsavlönade"'],
        [3, '#PSALDO 0 209101 5110 {1 "4210"} 1.00'],
      ]);
    },
  );

  it.each([1, 2, 5])(
    'reads CSV as UTF-8 (BOM dropped, characters cut between chunks of %i bytes) or Windows-1252',
    async (size) => {
      const csv = 'Månad;Ansvar\n2091-04;Öst\n';
      const expected = [
        [1, 'Månad;Ansvar'],
        [2, '2091-04;Öst'],
      ];
      expect(
        await lines(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'csv', size),
      ).toEqual(expected);
      expect(await lines(Buffer.from(csv, 'utf8'), 'csv', 4096)).toEqual(expected);
      expect(await lines(iconv.encode(csv, 'win1252'), 'csv', 4096)).toEqual(expected);
    },
  );

  it('tells the character set from the first chunk', () => {
    expect(encodingOf('sie', Buffer.from('#FLAGGA 0'))).toBe('cp437');
    expect(encodingOf('sie', Buffer.from([0xef, 0xbb, 0xbf, 0x23]))).toBe('utf-8');
    expect(encodingOf('csv', Buffer.from('Månad', 'utf8'))).toBe('utf-8');
    // A UTF-8 character cut by the chunk's end is still UTF-8.
    expect(encodingOf('csv', Buffer.from('Period;Å', 'utf8').subarray(0, 8))).toBe('utf-8');
    expect(encodingOf('csv', iconv.encode('Månad;Ansvar', 'win1252'))).toBe('win1252');
  });

  it('hashes every byte that passes, in the same pass', async () => {
    const bytes = iconv.encode(SIE.repeat(50), 'cp437');
    const { stream, digest } = digesting(chunked(bytes, 13));
    let n = 0;
    for await (const line of decodedLines(stream, 'sie')) n += line.text.length > 0 ? 1 : 0;
    expect(n).toBeGreaterThan(50);
    expect(digest()).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
    });
  });
});
