import { render, svDate, type RenderedMail } from './layout';

export interface DocumentRef {
  title: string;
  stepTitle: string;
  unitName: string;
  dueAt: Date;
  url: string;
}

/** One mail a day per person, however many reminders fell due for them that day. */
export function reminderDigestMail(
  recipientName: string,
  items: (DocumentRef & { daysLeft: number })[],
): RenderedMail {
  const sorted = [...items].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const subject =
    sorted.length === 1
      ? `Påminnelse: ${sorted[0].title} ska vara klar ${svDate(sorted[0].dueAt)}`
      : `Påminnelse: ${sorted.length} dokument har snart sista dag`;
  return render(subject, {
    heading: `Hej ${recipientName}!`,
    paragraphs: [
      sorted.length === 1
        ? 'Ett dokument som väntar på dig har snart sista dag:'
        : `${sorted.length} dokument som väntar på dig har snart sista dag:`,
    ],
    items: sorted.map((i) => ({
      text: `${i.title} – ${i.stepTitle} (${i.unitName}), senast ${svDate(i.dueAt)} (${daysText(i.daysLeft)})`,
      href: i.url,
    })),
  });
}

/** To the responsible, or (escalated) to the next level up, when a step's deadline has passed. */
export function overdueMail(doc: DocumentRef, role: 'responsible' | 'escalated'): RenderedMail {
  const subject = `Försenat: ${doc.title}`;
  return render(subject, {
    heading: 'Sista dagen har passerat',
    paragraphs: [
      role === 'responsible'
        ? `Steget "${doc.stepTitle}" för ${doc.title} skulle vara klart senast ${svDate(doc.dueAt)} men är det inte. Dokumentet är nu markerat som försenat.`
        : `${doc.unitName} har inte blivit klar med steget "${doc.stepTitle}" för ${doc.title}, som skulle vara klart senast ${svDate(doc.dueAt)}. Du får detta som närmast överordnad nivå.`,
    ],
    action: { label: 'Öppna dokumentet', href: doc.url },
  });
}

function daysText(days: number): string {
  if (days <= 0) return 'i dag';
  if (days === 1) return 'i morgon';
  return `om ${days} dagar`;
}
