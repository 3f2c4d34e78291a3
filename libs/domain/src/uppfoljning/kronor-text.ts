const kronorFormat = new Intl.NumberFormat('sv-SE');

/**
 * An amount in kronor as Swedish text for messages, mails and notes: 12000000 → "12 000 000 kr",
 * grouped and signed as Intl writes Swedish (non-breaking spaces, the minus sign U+2212).
 * Published documents use publishing/format-value.ts's formatKronor.
 */
export function kronorText(n: number): string {
  return `${kronorFormat.format(n)} kr`;
}
