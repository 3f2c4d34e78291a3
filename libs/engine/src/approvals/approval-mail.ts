import type { OutgoingMail } from '@rodtrad/mail';
import type { ApprovalMode } from '@rodtrad/persistence';

/** A mail as the mail outbox takes it. */
export type ApprovalMail = OutgoingMail;

export type ApprovalMailReason = 'requested' | 'renewed' | 'delegated' | 'your-turn' | 'reassigned';

export interface ApprovalMailInput {
  reason: ApprovalMailReason;
  approver: { name: string; email: string };
  onBehalfOf?: { name: string } | null;
  delegationReason?: string | null;
  document: {
    id: string;
    title: string;
    typeTitle: string;
    orgUnitName: string;
    year: number;
    period: string | null;
  };
  stepTitle: string;
  mode: ApprovalMode;
  dueAt: Date | null;
  expiresAt: Date;
  link: string;
  requireSignIn: boolean;
  dedupeKey: string;
}

const MODE_TEXT: Record<ApprovalMode, string> = {
  all: 'Alla som tillfrågats behöver godkänna.',
  any: 'Det räcker att en av de tillfrågade godkänner.',
  sequence: 'De tillfrågade godkänner i tur och ordning; du får länken när det är din tur.',
};

const INTRO: Record<ApprovalMailReason, string> = {
  requested: 'Du ombeds godkänna ett dokument.',
  renewed:
    'Dokumentet har ändrats sedan du fick den förra länken. Den gamla länken fungerar inte längre; använd den här.',
  delegated: 'Ett godkännande har lämnats över till dig som ersättare.',
  'your-turn': 'Det är nu din tur att godkänna dokumentet.',
  reassigned:
    'Den som tidigare tillfrågades kan inte längre besluta (kontot är avslutat eller rollen borttagen), så frågan går nu till dig.',
};

// One formatter for every mail: toLocaleString builds a new one per call (most of composing a mail).
const DATE_FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});
const date = (d: Date) => DATE_FORMAT.format(d);

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The mail asking one approver to decide: Swedish, plain text and HTML with the same content,
 * the link written out in full, and one thread per document (threadKey = document id).
 */
export function composeApprovalMail(i: ApprovalMailInput): ApprovalMail {
  const facts: [string, string][] = [
    ['Dokument', i.document.title],
    ['Typ', `${i.document.typeTitle} ${i.document.period ?? i.document.year}`],
    ['Ägare', i.document.orgUnitName],
    ['Steg', i.stepTitle],
    ['Sista dag för steget', i.dueAt ? date(i.dueAt) : 'ingen angiven'],
    ['Länken gäller till', date(i.expiresAt)],
  ];
  if (i.onBehalfOf) facts.push(['För', `${i.onBehalfOf.name} (du är ersättare)`]);
  if (i.delegationReason) facts.push(['Skäl', i.delegationReason]);
  const summary = `${i.document.typeTitle} för ${i.document.orgUnitName} väntar på godkännande i steget "${i.stepTitle}". ${MODE_TEXT[i.mode]}`;
  const signIn = i.requireSignIn ? 'Det här beslutet kräver att du loggar in innan du beslutar.' : '';
  const howTo =
    'Öppna länken, läs dokumentet och välj Godkänn, Avslå eller Returnera för ändring. ' +
    'Vid avslag och retur skriver du en kommentar. Länken kan bara användas en gång och är personlig: vidarebefordra den inte. ' +
    'Kan du inte besluta? Lämna över till en ersättare från samma sida.';
  const text = [
    `Hej ${i.approver.name},`,
    '',
    INTRO[i.reason],
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    summary,
    ...(signIn ? ['', signIn] : []),
    '',
    `Granska och besluta: ${i.link}`,
    '',
    howTo,
    '',
    'Det här mejlet skickades automatiskt av Rödtråd.',
  ].join('\n');
  const html = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subjectOf(i))}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff;">
<main>
<h1 style="font-size: 20px;">${escapeHtml(INTRO[i.reason])}</h1>
<p>Hej ${escapeHtml(i.approver.name)},</p>
<dl>
${facts.map(([k, v]) => `<dt style="font-weight: bold;">${escapeHtml(k)}</dt><dd style="margin: 0 0 8px 0;">${escapeHtml(v)}</dd>`).join('\n')}
</dl>
<p>${escapeHtml(summary)}</p>
${signIn ? `<p><strong>${escapeHtml(signIn)}</strong></p>` : ''}
<p><a href="${escapeHtml(i.link)}" style="color: #0b4f9c; font-weight: bold;">Granska och besluta om ${escapeHtml(i.document.title)}</a></p>
<p>Fungerar inte länken? Kopiera adressen: <span style="word-break: break-all;">${escapeHtml(i.link)}</span></p>
<p>${escapeHtml(howTo)}</p>
<p style="color: #4a4a4a;">Det här mejlet skickades automatiskt av Rödtråd.</p>
</main>
</body></html>`;
  return {
    to: [i.approver.email],
    subject: subjectOf(i),
    text,
    html,
    threadKey: i.document.id,
    dedupeKey: i.dedupeKey,
  };
}

function subjectOf(i: ApprovalMailInput): string {
  const prefix = i.reason === 'renewed' ? 'Ny länk: ' : '';
  return `${prefix}Godkännande begärs: ${i.document.title}`;
}
