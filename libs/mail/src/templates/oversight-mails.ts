import { render, type RenderedMail } from './layout';

export interface KsAdviceMailInput {
  unitName: string;
  /** What the escalation was about, e.g. "Budgetavvikelse" (Swedish, capitalised). */
  escalationTitle: string;
  meetingDate: string;
  paragraph: string;
  advice: string;
  escalationUrl: string;
  actionPlanUrl: string | null;
}

/** KS's advice to a nämnd under its uppsiktsplikt, decided at a KS meeting (date and §). */
export function ksAdviceMail(e: KsAdviceMailInput): RenderedMail {
  return render(`Kommunstyrelsens råd till ${e.unitName}`, {
    heading: `Råd från kommunstyrelsen: ${e.escalationTitle}`,
    paragraphs: [
      `Kommunstyrelsen har i sin uppsiktsplikt behandlat avvikelsen för ${e.unitName} och beslutat att lämna råd (sammanträde ${e.meetingDate}, ${e.paragraph}).`,
      `Råd: ${e.advice}`,
      e.actionPlanUrl
        ? 'Rådet visas också på nämndens åtgärdsplan; beakta det i planens åtgärder.'
        : 'Beakta rådet i nämndens fortsatta arbete med avvikelsen.',
    ],
    items: e.actionPlanUrl ? [{ text: 'Åtgärdsplanen', href: e.actionPlanUrl }] : undefined,
    action: { label: 'Öppna avvikelsen', href: e.escalationUrl },
  });
}
