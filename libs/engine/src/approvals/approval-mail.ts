import { render, type OutgoingMail } from '@rodtrad/mail';
import type { ApprovalMode } from '@rodtrad/persistence';
import { stateMeta, type WorkflowDefinition } from '@rodtrad/workflow';

/** A step as an approval mail names it: its title and its own words for approving and returning. */
export interface StepWords {
  title: string;
  approve: string;
  return: string | null;
}

/** The step's words from its definition (meta.events labels), with plain words where it has none. */
export function stepWordsOf(
  def: WorkflowDefinition,
  request: { state: string; approveEvent: string; returnEvent: string | null },
): StepWords {
  const meta = stateMeta(def, request.state);
  return {
    title: meta?.title ?? request.state,
    approve: meta?.events?.[request.approveEvent]?.label ?? 'Godkänn',
    return: request.returnEvent
      ? (meta?.events?.[request.returnEvent]?.label ?? 'Returnera för ändring')
      : null,
  };
}

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
    /** Given at registration (KS/KF), shown beside the title. */
    diarienummer?: string | null;
  };
  stepTitle: string;
  /** The step's own words for its events (the workflow's labels), as the approval page shows them. */
  decisionLabels?: { approve: string; return: string | null };
  /** Who sent the document to this step. */
  requestedBy?: string | null;
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

/**
 * The mail asking one approver to decide, in the one mail template of libs/mail (render): Swedish,
 * plain text and HTML with the same content, the link written out in full, the decisions in the
 * step's own words (the same the approval page shows), and one thread per document.
 */
export function composeApprovalMail(i: ApprovalMailInput): ApprovalMail {
  const facts: [string, string][] = [
    ['Dokument', i.document.title],
    ['Typ', `${i.document.typeTitle} ${i.document.period ?? i.document.year}`],
    ['Ägare', i.document.orgUnitName],
  ];
  if (i.document.diarienummer) facts.push(['Diarienummer', i.document.diarienummer]);
  facts.push(
    ['Steg', i.stepTitle],
    ['Sista dag för steget', i.dueAt ? date(i.dueAt) : 'ingen angiven'],
    ['Länken gäller till', date(i.expiresAt)],
  );
  if (i.requestedBy) facts.push(['Skickat av', i.requestedBy]);
  if (i.onBehalfOf) facts.push(['För', `${i.onBehalfOf.name} (du är ersättare)`]);
  if (i.delegationReason) facts.push(['Skäl', i.delegationReason]);
  const summary = `${i.document.typeTitle} för ${i.document.orgUnitName} väntar på godkännande i steget "${i.stepTitle}". ${MODE_TEXT[i.mode]}`;
  const signIn = i.requireSignIn ? 'Det här beslutet kräver att du loggar in innan du beslutar.' : '';
  const approve = i.decisionLabels?.approve ?? 'Godkänn';
  const back = i.decisionLabels?.return;
  const howTo =
    (back
      ? `Öppna länken, läs dokumentet och välj ${approve} eller ${back}. När du väljer ${back} skriver du vad som behöver ändras. `
      : `Öppna länken, läs dokumentet och välj ${approve}. `) +
    'Länken kan bara användas en gång och är personlig: vidarebefordra den inte. ' +
    'Kan du inte besluta? Lämna över till en ersättare från samma sida.';
  const mail = render(subjectOf(i), {
    heading: INTRO[i.reason],
    paragraphs: [`Hej ${i.approver.name},`, summary, ...(signIn ? [signIn] : [])],
    facts,
    action: {
      label: `Granska och besluta om ${i.document.title}`,
      text: 'Granska och besluta',
      href: i.link,
    },
    after: [`Fungerar inte länken? Kopiera adressen: ${i.link}`, howTo],
  });
  return {
    to: [i.approver.email],
    ...mail,
    threadKey: i.document.id,
    dedupeKey: i.dedupeKey,
  };
}

function subjectOf(i: ApprovalMailInput): string {
  const prefix = i.reason === 'renewed' ? 'Ny länk: ' : '';
  return `${prefix}Godkännande begärs: ${i.document.title}`;
}
