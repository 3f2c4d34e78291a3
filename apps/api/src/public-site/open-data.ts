// Open data of a year: the public documents as JSON (with their data, secret fields taken out) and
// as CSV (one line per document; UTF-8 BOM, `;` and CRLF like the status export, which Swedish
// Excel opens without a wizard).
import { neutraliseFormula } from '../years/year-status-export';
import type { PublicDocument } from './public-site.service';

export function openDataJson(municipality: string, year: number, docs: PublicDocument[], publicUrl: string) {
  return {
    kommun: municipality,
    ar: year,
    licens: 'CC0 1.0',
    beskrivning:
      'Fastställda styrdokument och behandlade rapporter. Uppgifter som omfattas av sekretess är utelämnade och anges i "utelamnat".',
    dokument: docs.map((d) => ({
      id: d.id,
      typ: d.type,
      typnamn: d.typeTitle,
      titel: d.title,
      organ: d.body.name,
      enhet: d.unit,
      ar: d.year,
      period: d.period,
      status: d.state,
      diarienummer: d.diarienummer,
      beslutsdatum: d.decisionDate,
      paragraf: d.paragraph,
      beslutad: d.decidedAt,
      pdf: `${publicUrl}${d.pdf}`,
      pdfSha256: d.sha256,
      utelamnat: d.omitted.map((m) => ({ falt: m.pointer, sekretess: m.paragraph })),
      data: d.data,
    })),
  };
}

const COLUMNS: [string, (d: PublicDocument, url: string) => string | null][] = [
  ['Id', (d) => d.id],
  ['Dokumenttyp', (d) => d.typeTitle],
  ['Titel', (d) => d.title],
  ['Organ', (d) => d.body.name],
  ['Enhet', (d) => d.unit],
  ['År', (d) => String(d.year)],
  ['Period', (d) => d.period],
  ['Status', (d) => d.state],
  ['Diarienummer', (d) => d.diarienummer],
  ['Beslutsdatum', (d) => d.decisionDate],
  ['Paragraf', (d) => d.paragraph],
  ['PDF', (d, url) => `${url}${d.pdf}`],
  ['PDF SHA-256', (d) => d.sha256],
  ['Utelämnat (sekretess)', (d) => d.omitted.map((m) => `${m.pointer} (${m.paragraph})`).join(', ')],
];

function cell(value: string | null): string {
  if (value === null) return '';
  const safe = neutraliseFormula(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function openDataCsv(docs: PublicDocument[], publicUrl: string): string {
  const lines = [COLUMNS.map(([h]) => cell(h)).join(';')];
  for (const d of docs) lines.push(COLUMNS.map(([, v]) => cell(v(d, publicUrl))).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
