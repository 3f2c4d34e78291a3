/** The file's extension, lower case, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? (m[1] as string).toLowerCase() : '';
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIGNATURES: Record<string, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  // Office Open XML and OpenDocument files are zip packages.
  docx: [ZIP],
  xlsx: [ZIP],
  pptx: [ZIP],
  odt: [ZIP],
  ods: [ZIP],
  odp: [ZIP],
};

/**
 * Whether the first bytes of a file fit its extension: the magic number of binary formats; for
 * text (txt, csv) no NUL byte and valid UTF-8 or a single-byte text. An .exe renamed .pdf is refused.
 */
export function contentMatches(ext: string, head: Buffer): boolean {
  const signatures = SIGNATURES[ext];
  if (signatures) return signatures.some((sig) => sig.every((b, i) => head[i] === b));
  if (ext === 'txt' || ext === 'csv') return !head.includes(0);
  return false;
}
