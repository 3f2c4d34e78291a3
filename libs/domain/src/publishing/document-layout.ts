// A document as a tree of blocks to print: headings, paragraphs, label–value fields and tables,
// in reading order. The PDF renderer (libs/engine) turns the blocks into tagged PDF; nothing here
// knows about PDF. Pure: the document, its forms and its red-thread links come in as data.
import { formOutline, type FormLike, type JsonSchema, type OutlineField } from './form-outline';
import { formatSwedishDate, formatValue } from './format-value';

export type LayoutBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      caption: string;
      headers: string[];
      rows: string[][];
      /** The first cell of each row names the row (a TH), as in the risk matrix. */
      rowHeaders?: boolean;
    };

/** A field (or the whole document, pointer '') kept from the public, with its secrecy paragraph. */
export interface SecrecyMark {
  pointer: string;
  paragraph: string;
}

export interface DocumentLayoutInput {
  municipality: string;
  title: string;
  typeTitle: string;
  unitName: string;
  year: number;
  period: string | null;
  stateTitle: string;
  diarienummer: string | null;
  decision: { date: string | null; paragraph: string | null };
  /** The forms of the document's steps, in the order of its workflow. */
  forms: FormLike[];
  data: Record<string, unknown>;
  redThread: { goals: string[]; up: string[]; down: string[] };
  /** Fields left out (the public version); empty for the full document. */
  secrecy?: SecrecyMark[];
  /** The attachments (underlag) on the document: listed by name, size and SHA-256 (#18). */
  attachments?: { fileName: string; sizeBytes: number; sha256: string }[];
}

export interface DocumentLayout {
  title: string;
  lang: 'sv-SE';
  blocks: LayoutBlock[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The text shown in place of a value kept secret. */
export const secrecyText = (paragraph: string) => `Uppgiften omfattas av sekretess (${paragraph}).`;

class Layout {
  readonly blocks: LayoutBlock[] = [];
  constructor(private readonly secrecy: SecrecyMark[]) {}

  secretAt(pointer: string): SecrecyMark | undefined {
    return this.secrecy.find(
      (s) => s.pointer !== '' && (pointer === s.pointer || pointer.startsWith(`${s.pointer}/`)),
    );
  }

  add(block: LayoutBlock) {
    this.blocks.push(block);
  }

  field(f: OutlineField, value: unknown, pointer: string, level: 2 | 3 | 4) {
    const secret = this.secretAt(pointer);
    if (secret) {
      this.add({ kind: 'field', label: f.label, value: secrecyText(secret.paragraph) });
      return;
    }
    if (f.children) return this.object(f, value, pointer, level);
    if (f.schema['type'] === 'array') return this.array(f, value, pointer, level);
    this.add({ kind: 'field', label: f.label, value: formatValue(value, f.schema, f.ui, f.kronor) });
  }

  object(f: OutlineField, value: unknown, pointer: string, level: 2 | 3 | 4) {
    this.add({ kind: 'heading', level, text: f.label });
    const obj = isObject(value) ? value : {};
    for (const c of f.children ?? [])
      this.field(c, obj[c.key], `${pointer}/${c.key}`, Math.min(level + 1, 4) as 2 | 3 | 4);
  }

  array(f: OutlineField, value: unknown, pointer: string, level: 2 | 3 | 4) {
    const list = Array.isArray(value) ? value : [];
    this.add({ kind: 'heading', level, text: f.label });
    if (!list.length) {
      this.add({ kind: 'paragraph', text: 'Inga uppgifter.' });
      return;
    }
    const items = f.items;
    if (!items) {
      const itemSchema = isObject(f.schema['items']) ? (f.schema['items'] as JsonSchema) : {};
      const itemUi = isObject(f.ui['items']) ? (f.ui['items'] as JsonSchema) : {};
      this.add({
        kind: 'list',
        items: list.map((v, i) => {
          const secret = this.secretAt(`${pointer}/${i}`);
          return secret ? secrecyText(secret.paragraph) : formatValue(v, itemSchema, itemUi, f.kronor);
        }),
      });
      return;
    }
    // A list of plain values in an item (an internal control's marks, #16) is one cell of the table.
    const flat = items.every((c) => !c.children && (c.schema['type'] !== 'array' || isPlainList(c.schema)));
    if (flat) {
      this.table(f.label, items, list, pointer);
      if (isRiskList(items)) this.riskMatrix(list, pointer);
      return;
    }
    // Items with lists of their own (a goal with its indicators): one section per item, its
    // values as fields, its lists as tables.
    const itemTitle = isObject(f.schema['items']) ? String(f.schema['items']['title'] ?? f.label) : f.label;
    list.forEach((item, i) => {
      const obj = isObject(item) ? item : {};
      const here = `${pointer}/${i}`;
      const secret = this.secretAt(here);
      const name = firstText(items, obj);
      const sub = Math.min(level + 1, 4) as 2 | 3 | 4;
      this.add({
        kind: 'heading',
        level: sub,
        text: `${itemTitle} ${i + 1}${name && !secret ? `: ${name}` : ''}`,
      });
      if (secret) return this.add({ kind: 'paragraph', text: secrecyText(secret.paragraph) });
      for (const c of items) {
        const v = obj[c.key];
        if (c.items && c.items.every((g) => !g.children && g.schema['type'] !== 'array')) {
          const cp = `${here}/${c.key}`;
          const s = this.secretAt(cp);
          if (s) this.add({ kind: 'field', label: c.label, value: secrecyText(s.paragraph) });
          else if (Array.isArray(v) && v.length) this.table(c.label, c.items, v, cp);
          else this.add({ kind: 'field', label: c.label, value: '–' });
        } else this.field(c, v, `${here}/${c.key}`, Math.min(sub + 1, 4) as 2 | 3 | 4);
      }
    });
  }

  table(caption: string, columns: OutlineField[], list: unknown[], pointer: string) {
    this.add({
      kind: 'table',
      caption,
      headers: columns.map((c) => c.label),
      rows: list.map((item, i) => {
        const obj = isObject(item) ? item : {};
        return columns.map((c) => {
          const secret = this.secretAt(`${pointer}/${i}/${c.key}`);
          return secret
            ? `Sekretess (${secret.paragraph})`
            : formatValue(obj[c.key], c.schema, c.ui, c.kronor);
        });
      }),
    });
  }

  /** Sannolikhet (rows, highest first) × konsekvens (columns): which risks lie in each cell. */
  riskMatrix(list: unknown[], pointer: string) {
    const cells = new Map<string, number[]>();
    list.forEach((item, i) => {
      if (!isObject(item) || this.secretAt(`${pointer}/${i}`)) return;
      const key = `${item['sannolikhet']}×${item['konsekvens']}`;
      cells.set(key, [...(cells.get(key) ?? []), i + 1]);
    });
    // The installation's matrix may be larger than the common 4 × 4 (#16): as large as the grades.
    const grades = list.flatMap((item) =>
      isObject(item)
        ? [item['sannolikhet'], item['konsekvens']].filter((g): g is number => Number.isInteger(g))
        : [],
    );
    const steps = Array.from({ length: Math.min(10, Math.max(4, ...grades)) }, (_, i) => i + 1);
    this.add({
      kind: 'table',
      caption: 'Riskmatris',
      headers: ['Sannolikhet \\ Konsekvens', ...steps.map((k) => `Konsekvens ${k}`)],
      rowHeaders: true,
      rows: [...steps].reverse().map((s) => [
        `Sannolikhet ${s}`,
        ...steps.map((k) => {
          const risks = cells.get(`${s}×${k}`);
          return risks ? `Risk ${risks.join(', ')}` : '–';
        }),
      ]),
    });
  }
}

const isPlainList = (schema: Record<string, unknown>) =>
  isObject(schema['items']) && ['string', 'number', 'integer'].includes(String(schema['items']['type']));

const isRiskList = (items: OutlineField[]) =>
  ['sannolikhet', 'konsekvens'].every((k) => items.some((c) => c.key === k));

function firstText(items: OutlineField[], obj: Record<string, unknown>): string {
  for (const k of ['titel', 'namn', 'rubrik'])
    if (typeof obj[k] === 'string' && obj[k]) return obj[k] as string;
  const first = items.find(
    (c) => c.schema['type'] === 'string' && typeof obj[c.key] === 'string' && c.key !== 'id',
  );
  return first ? String(obj[first.key]) : '';
}

/** A file's size in Swedish: "12 kB", "3,4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The document as blocks: heading, the registration facts, the form's content, the red thread. */
export function layoutDocument(input: DocumentLayoutInput): DocumentLayout {
  const layout = new Layout(input.secrecy ?? []);
  const title = input.title;
  layout.add({ kind: 'heading', level: 1, text: title });
  layout.add({ kind: 'paragraph', text: input.municipality });
  layout.add({ kind: 'heading', level: 2, text: 'Om dokumentet' });
  const facts: [string, string][] = [
    ['Kommun', input.municipality],
    ['Dokumenttyp', input.typeTitle],
    ['Enhet', input.unitName],
    ['År', input.period ? `${input.year}, period ${input.period}` : String(input.year)],
    ['Status', input.stateTitle],
    ['Diarienummer', input.diarienummer ?? '–'],
    ['Beslutsdatum', input.decision.date ? formatSwedishDate(input.decision.date) : '–'],
    ['Paragraf', input.decision.paragraph ?? '–'],
  ];
  for (const [label, value] of facts) layout.add({ kind: 'field', label, value });

  for (const f of formOutline(input.forms)) layout.field(f, input.data[f.key], `/${f.key}`, 2);

  layout.add({ kind: 'heading', level: 2, text: 'Röda tråden' });
  const { goals, up, down } = input.redThread;
  if (!goals.length && !up.length && !down.length)
    layout.add({ kind: 'paragraph', text: 'Dokumentet har inga länkar i den röda tråden.' });
  const section = (heading: string, items: string[]) => {
    if (!items.length) return;
    layout.add({ kind: 'heading', level: 3, text: heading });
    layout.add({ kind: 'list', items });
  };
  section('Nämndmål som dokumentet bidrar till', goals);
  section('Bygger på', up);
  section('Dokument som bygger på detta', down);
  if (input.attachments?.length) {
    layout.add({ kind: 'heading', level: 2, text: 'Bilagor (underlag)' });
    layout.add({
      kind: 'table',
      caption: 'Underlag som bifogats dokumentet, med kontrollsumma',
      headers: ['Fil', 'Storlek', 'SHA-256'],
      rows: input.attachments.map((a) => [a.fileName, fileSize(a.sizeBytes), a.sha256]),
    });
  }
  if (input.secrecy?.some((s) => s.pointer !== ''))
    layout.add({
      kind: 'paragraph',
      text: 'Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen har utelämnats.',
    });
  return { title, lang: 'sv-SE', blocks: layout.blocks };
}
