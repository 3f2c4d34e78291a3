import type { EscalationBody, EscalationKind } from '@rodtrad/domain';
import { kronor, render, type RenderedMail } from './layout';

export interface EscalationMailInput {
  kind: EscalationKind;
  toBody: EscalationBody;
  unitName: string;
  sourceTitle: string | null;
  amount: number | null;
  threshold: number | null;
  measures: string | null;
  description: string | null;
  escalationUrl: string;
  actionPlanUrl: string | null;
}

const BODY = { ks: 'kommunstyrelsen', kf: 'kommunfullmäktige' } as const;

/** To KS (or KF) when a nämnd's deviation escalates by itself. */
export function escalationMail(e: EscalationMailInput): RenderedMail {
  const subjects: Record<EscalationKind, string> = {
    budget: `Budgetavvikelse: ${e.unitName}${e.amount !== null ? ` ${kronor(e.amount)}` : ''}`,
    goal: `Brist i måluppfyllelse: ${e.unitName}`,
    balance: `Negativt balanskravsresultat: ${e.unitName}`,
    adhoc: `Rapporterad avvikelse: ${e.unitName}`,
    investment: `Investeringsavvikelse: ${e.unitName}${e.amount !== null ? ` ${kronor(e.amount)}` : ''}`,
  };
  const subject = subjects[e.kind];
  const paragraphs: string[] = [];
  if (e.kind === 'budget')
    paragraphs.push(
      `${e.unitName} prognostiserar ett underskott på ${kronor(Math.abs(e.amount ?? 0))} mot budget` +
        (e.threshold !== null
          ? `, minst nämndens gräns för väsentlig avvikelse (${kronor(e.threshold)}).`
          : '.'),
    );
  if (e.kind === 'investment')
    paragraphs.push(
      `${e.unitName} prognostiserar att de beslutade investeringarna kostar ${kronor(Math.abs(e.amount ?? 0))} mer än budgeterat` +
        (e.threshold !== null
          ? `, minst nämndens gräns för väsentlig investeringsavvikelse (${kronor(e.threshold)}).`
          : '.'),
    );
  if (e.kind === 'goal') paragraphs.push(`${e.unitName} rapporterar nämndmål som inte nås enligt plan.`);
  // The balance requirement is the municipality's, in the årsredovisning KS prepares (#15).
  if (e.kind === 'balance')
    paragraphs.push(
      `Kommunens årsredovisning (upprättad av ${e.unitName}) visar ett negativt balanskravsresultat${e.amount !== null ? ` på ${kronor(e.amount)}` : ''}. ` +
        'Kommunfullmäktige ska anta en särskild åtgärdsplan för återställandet inom tre år (kommunallagen 11 kap. 12 §).',
    );
  if (e.kind === 'adhoc')
    paragraphs.push(
      `${e.unitName} har rapporterat en väsentlig avvikelse mellan de ordinarie rapporterna` +
        (e.amount !== null ? ` (${kronor(Math.abs(e.amount))}).` : '.'),
    );
  if (e.sourceTitle) paragraphs.push(`Underlag: ${e.sourceTitle}.`);
  if (e.description) paragraphs.push(`Beskrivning: ${e.description}`);
  if (e.measures) paragraphs.push(`Föreslagna åtgärder: ${e.measures}`);
  paragraphs.push(
    e.kind === 'balance'
      ? e.actionPlanUrl
        ? `En särskild åtgärdsplan har skapats för ${e.unitName} att ta fram och följs upp med egna påminnelser.`
        : `En särskild åtgärdsplan skapas för ${e.unitName} att ta fram.`
      : e.actionPlanUrl
        ? 'En åtgärdsplan har skapats för nämnden och följs upp med egna påminnelser.'
        : 'En åtgärdsplan skapas för nämnden.',
  );
  return render(subject, {
    heading: `Avvikelse till ${BODY[e.toBody]}`,
    paragraphs,
    items: e.actionPlanUrl ? [{ text: 'Åtgärdsplanen', href: e.actionPlanUrl }] : undefined,
    action: { label: 'Öppna avvikelsen', href: e.escalationUrl },
  });
}
