/** How a document state reads on the status matrix. Colour only supports the text, never replaces it. */
export type StateTone = 'done' | 'waiting' | 'attention' | 'open' | 'missing';

const DONE =
  /(approved|godkand|decided|beslutad|adopted|faststalld|registered|registrerad|noted|closed|avslutad|done|klar)/;
const WAITING = /(submitted|inlamnad|review|granskning|awaiting|pending|vantar)/;
const ATTENTION = /(returned|aterremitterad|rejected|avslagen|escalated|eskalerad)/;

export function stateTone(state: string | null | undefined): StateTone {
  const key = (state ?? '').toLowerCase();
  if (!key || key === 'missing' || key === 'saknas') return 'missing';
  if (ATTENTION.test(key)) return 'attention';
  if (DONE.test(key)) return 'done';
  if (WAITING.test(key)) return 'waiting';
  return 'open';
}
