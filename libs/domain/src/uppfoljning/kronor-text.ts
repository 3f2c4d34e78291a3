const kronorFormat = new Intl.NumberFormat('sv-SE');

/**
 * An amount in kronor as Swedish text for messages, mails and notes: 12000000 → "12 000 000 kr",
 * grouped and signed as Intl writes Swedish (non-breaking spaces, the minus sign U+2212).
 * Published documents use publishing/format-value.ts's formatKronor.
 */
export function kronorText(n: number): string {
  return `${kronorFormat.format(n)} kr`;
}

/** An amount as it stands in an input field: grouped with spaces, no unit ("12 500 000"). */
export function kronorInput(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : kronorFormat.format(n);
}

export type KronorParse = { ok: true; value: number | undefined } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * What someone typed into an amount field, in whole kronor (#18): "12 500 000", "12500000 kr",
 * "−3 000" and "12 500 000,00" are read; a decimal part ("11900000,50") is refused with a
 * message, never read as 1190000050; an empty field is no value. Pure, for the page's kronor
 * field and for anyone who reads amounts typed by people.
 */
export function parseKronor(typed: string): KronorParse {
  let text = typed.replace(SPACES, '').replace(/(kr|sek|kronor)\.?$/i, '');
  if (text === '') return { ok: true, value: undefined };
  const negative = /^[-\u2212]/.test(text);
  if (negative) text = text.slice(1);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { ok: false, message: 'Skriv beloppet i kronor med siffror, till exempel 12 500 000.' };
  if (match[2] !== undefined && /[1-9]/.test(match[2]))
    return {
      ok: false,
      message: 'Ange beloppet i hela kronor, utan öre. Avrunda till exempel 11 900 000,50 till 11 900 001.',
    };
  const value = Number(match[1]);
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'Beloppet är för stort.' };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}
