/**
 * Plain building blocks of every mail: one text part and one HTML part with the same content.
 * Every mail Rödtråd sends is rendered here (#18: one template), the approval links included.
 */
export interface MailBody {
  heading: string;
  paragraphs: string[];
  /** Facts as "Label: value" lines (a definition list in HTML): document, diarienummer, step… */
  facts?: [string, string][];
  /** Bulleted lines, each with an optional link. */
  items?: { text: string; href?: string }[];
  /** The one button; `text` is how the text part says it (default: the label). */
  action?: { label: string; href: string; text?: string };
  /** Paragraphs after the button (how to, what not to do). */
  after?: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = 'Meddelandet skickades automatiskt av Rödtråd. Svara inte på det.';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export function render(subject: string, body: MailBody): RenderedMail {
  const text = [
    body.heading,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.facts?.length ? [...body.facts.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(body.items?.length
      ? [...body.items.map((i) => `- ${i.text}${i.href ? `\n  ${i.href}` : ''}`), '']
      : []),
    ...(body.action ? [`${body.action.text ?? body.action.label}: ${body.action.href}`, ''] : []),
    ...(body.after ?? []).flatMap((p) => [p, '']),
    '--',
    FOOTER,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b">',
    `<h1 style="font-size:20px">${escapeHtml(body.heading)}</h1>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    body.facts?.length
      ? `<dl>${body.facts
          .map(
            ([k, v]) =>
              `<dt style="font-weight:bold">${escapeHtml(k)}</dt><dd style="margin:0 0 8px 0">${escapeHtml(v)}</dd>`,
          )
          .join('')}</dl>`
      : '',
    body.items?.length
      ? `<ul>${body.items
          .map((i) =>
            i.href
              ? `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a></li>`
              : `<li>${escapeHtml(i.text)}</li>`,
          )
          .join('')}</ul>`
      : '',
    body.action
      ? `<p><a href="${escapeHtml(body.action.href)}" style="background:#8b1a1a;color:#fff;padding:8px 14px;text-decoration:none;border-radius:4px">${escapeHtml(body.action.label)}</a></p>`
      : '',
    ...(body.after ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<hr><p style="font-size:12px;color:#555">${escapeHtml(FOOTER)}</p></body></html>`,
  ].join('');
  return { subject, text, html };
}

const kronorFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
/** 1234567 → "1 234 567 kr" (Swedish grouping with a non-breaking space). */
export function kronor(n: number): string {
  return `${kronorFormat.format(n)} kr`;
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
/** A due instant as the Swedish calendar date in Stockholm, e.g. "15 mars 2027". */
export function svDate(d: Date): string {
  return dateFormat.format(d);
}
