// A document layout (libs/domain's layoutDocument) as a tagged, accessible PDF: language sv-SE,
// the title in the metadata and shown as the window title, headings H1–H4, paragraphs P, lists
// L/LI, tables Table/TR/TH/TD, page numbers as artifacts, DejaVu Sans embedded. The structure tree
// follows the blocks, so the reading order is the order of the layout.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocumentLayout, LayoutBlock } from '@rodtrad/domain';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// Read once per process; PDFKit embeds the subset of glyphs each document uses.
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const FONT_BOLD = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
const MARGIN = 56;
const HEADING_SIZE: Record<1 | 2 | 3 | 4, number> = { 1: 20, 2: 15, 3: 12.5, 4: 11 };
const BODY = 10;

/** A fixed creation date keeps a re-rendering byte-comparable when nothing else changed. */
export interface RenderPdfOptions {
  creationDate?: Date;
  author?: string;
}

export async function renderPdf(layout: DocumentLayout, options: RenderPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: '1.7',
    lang: layout.lang,
    displayTitle: true,
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: layout.title,
      Author: options.author ?? '',
      Creator: 'Rödtråd',
      Producer: 'Rödtråd (PDFKit)',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body').fontSize(BODY);

  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const block of layout.blocks) renderBlock(doc, root, block);
  root.end();
  pageNumbers(doc);
  doc.end();
  return done;
}

const bottom = (doc: Doc) => doc.page.height - MARGIN;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function renderBlock(doc: Doc, root: Struct, block: LayoutBlock) {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'heading': {
      const size = HEADING_SIZE[block.level];
      doc.font('bold').fontSize(size);
      // A heading is kept with at least two lines of what follows it.
      ensureRoom(doc, doc.heightOfString(block.text, { width }) + 3 * BODY * 1.4);
      doc.moveDown(block.level === 1 ? 0 : 0.6);
      root.add(doc.struct(`H${block.level}`, {}, () => doc.text(block.text, MARGIN, doc.y, { width })));
      doc.moveDown(0.3);
      doc.font('body').fontSize(BODY);
      return;
    }
    case 'paragraph':
      root.add(doc.struct('P', {}, () => doc.text(block.text, MARGIN, doc.y, { width })));
      doc.moveDown(0.4);
      return;
    case 'field':
      ensureRoom(doc, BODY * 3);
      root.add(
        doc.struct('P', {}, () => {
          doc.font('bold').text(`${block.label}: `, MARGIN, doc.y, { width, continued: true });
          doc.font('body').text(block.value);
        }),
      );
      doc.moveDown(0.2);
      return;
    case 'list': {
      const list = doc.struct('L');
      root.add(list);
      for (const item of block.items) {
        list.add(doc.struct('LI', {}, () => doc.text(`• ${item}`, MARGIN + 8, doc.y, { width: width - 8 })));
        doc.moveDown(0.15);
      }
      list.end();
      doc.moveDown(0.3);
      return;
    }
    case 'table':
      return renderTable(doc, root, block, width);
  }
}

function renderTable(doc: Doc, root: Struct, block: Extract<LayoutBlock, { kind: 'table' }>, width: number) {
  const pad = 3;
  // Wide tables (the nine columns of a risk list) get a smaller type so words fit their cells.
  let size = block.headers.length > 6 ? BODY - 2.5 : BODY - 1;
  let widths = columnWidths(doc, block, width, pad, size);
  // Smaller type until every word fits its column (never below 5.5 pt).
  while (!widths.fits && size > 5.5) widths = columnWidths(doc, block, width, pad, (size -= 0.5));
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const table = doc.struct('Table');
  root.add(table);
  doc.font('bold').fontSize(BODY);
  ensureRoom(doc, BODY * 4);
  table.add(doc.struct('Caption', {}, () => doc.text(block.caption, MARGIN, doc.y, { width })));
  doc.moveDown(0.2);

  const row = (cells: string[], header: boolean) => {
    const heights = cells.map((c, i) => {
      doc.font(header || (block.rowHeaders && i === 0) ? 'bold' : 'body').fontSize(size);
      return doc.heightOfString(c, { width: (widths[i] as number) - 2 * pad });
    });
    const h = Math.max(...heights, BODY) + 2 * pad;
    ensureRoom(doc, h);
    const top = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    cells.forEach((c, i) => {
      const th = header || (block.rowHeaders && i === 0);
      const x = xs[i] as number;
      doc.font(th ? 'bold' : 'body').fontSize(size);
      tr.add(
        doc.struct(th ? 'TH' : 'TD', {}, () =>
          doc.text(c, x + pad, top + pad, { width: (widths[i] as number) - 2 * pad }),
        ),
      );
    });
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.lineWidth(0.5).strokeColor('#777777');
    for (let i = 0; i < cells.length; i++) doc.rect(xs[i] as number, top, widths[i] as number, h).stroke();
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = top + h;
  };
  row(block.headers, true);
  for (const r of block.rows) row(r, false);
  table.end();
  doc.font('body').fontSize(BODY);
  doc.moveDown(0.6);
}

/**
 * Each column at least as wide as its longest word (so no word is split), the rest shared by how
 * much text each column holds.
 */
function columnWidths(
  doc: Doc,
  block: Extract<LayoutBlock, { kind: 'table' }>,
  width: number,
  pad: number,
  size: number,
): number[] & { fits: boolean } {
  const rows = [block.headers, ...block.rows];
  const cols = Math.max(block.headers.length, 1);
  const min: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < cols; i++) {
    let longest = 0;
    let total = 0;
    rows.forEach((r, ri) => {
      const text = r[i] ?? '';
      doc.font(ri === 0 || (block.rowHeaders && i === 0) ? 'bold' : 'body').fontSize(size);
      for (const word of text.split(/\s+/)) longest = Math.max(longest, doc.widthOfString(word));
      total += doc.widthOfString(text);
    });
    min.push(longest + 2 * pad + 1);
    weight.push(total / rows.length + 1);
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin >= width)
    return Object.assign(
      min.map((m) => (m / sumMin) * width),
      { fits: false },
    );
  const spare = width - sumMin;
  const sumWeight = weight.reduce((a, b) => a + b, 0);
  return Object.assign(
    min.map((m, i) => m + (spare * (weight[i] as number)) / sumWeight),
    { fits: true },
  );
}

/** "Sida n av m" at the foot of every page, as pagination artifacts outside the structure. */
function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('body').fontSize(8).fillColor('#444444');
    const text = `Sida ${i + 1} av ${range.count}`;
    doc.text(text, MARGIN, doc.page.height - MARGIN / 2, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
  }
}
