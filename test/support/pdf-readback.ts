// Reads a PDF back with poppler's command-line tools (pdfinfo, pdffonts, pdftotext), a third
// party to PDFKit, so the tests check the file a reader gets rather than what the renderer meant.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfReadback {
  info: Record<string, string>;
  fonts: { name: string; type: string; embedded: boolean }[];
  text: string;
}

export function readPdfBack(pdf: Buffer): PdfReadback {
  const dir = mkdtempSync(join(tmpdir(), 'rodtrad-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const info = Object.fromEntries(
      execFileSync('pdfinfo', [file], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    // name, type, encoding, emb, sub, uni, object ID: the columns after two header lines.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        const emb = cols[cols.length - 5];
        return { name: cols[0] as string, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
      });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return { info, fonts, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when each string occurs in the text, in this order (whitespace and line breaks loosened). */
export function inOrder(text: string, parts: string[]): { ok: boolean; missing?: string } {
  const flat = text.replace(/\s+/g, ' ');
  let from = 0;
  for (const p of parts) {
    const at = flat.indexOf(p.replace(/\s+/g, ' '), from);
    if (at < 0) return { ok: false, missing: p };
    from = at + p.length;
  }
  return { ok: true };
}
