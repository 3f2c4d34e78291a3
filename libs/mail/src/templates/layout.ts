/** Plain building blocks of every mail: one text part and one HTML part with the same content. */
export interface MailBody {
  heading: string;
  paragraphs: string[];
  /** Bulleted lines, each with an optional link. */
  items?: { text: string; href?: string }[];
  action?: { label: string; href: string };
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
    ...(body.items?.length
      ? [...body.items.map((i) => `- ${i.text}${i.href ? `\n  ${i.href}` : ''}`), '']
      : []),
    ...(body.action ? [`${body.action.label}: ${body.action.href}`, ''] : []),
    '--',
    FOOTER,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b">',
    `<h1 style="font-size:20px">${escapeHtml(body.heading)}</h1>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
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
