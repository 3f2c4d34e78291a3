export type ApprovalErrorCode =
  | 'token-unknown'
  | 'token-used'
  | 'token-expired'
  | 'token-revoked'
  | 'sign-in-required'
  | 'fresh-sign-in-required'
  | 'not-your-approval'
  | 'not-authorised'
  | 'invalid-request';

/** Why a link or a decision was refused; the API maps codes to 404/410/401/403/422. */
export class ApprovalError extends Error {
  constructor(
    readonly code: ApprovalErrorCode,
    readonly detail: string,
    readonly errors?: { pointer: string; message: string }[],
    /** Members the problem document carries beside the detail (e.g. maxAge). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApprovalError';
  }
}

/** The Swedish text of each dead-link page: which it is, and what to do. */
export const DEAD_LINK_DETAIL: Record<
  'token-unknown' | 'token-used' | 'token-expired' | 'token-revoked',
  string
> = {
  'token-unknown':
    'Länken känns inte igen. Kontrollera att du kopierat hela adressen från mejlet, eller logga in i Rödtråd och se dina väntande godkännanden.',
  'token-used':
    'Länken har redan använts och beslutet är registrerat. Vill du ändra något, kontakta den som ansvarar för dokumentet.',
  'token-expired':
    'Länken har gått ut. Logga in i Rödtråd för att besluta där, eller be den som ansvarar för dokumentet skicka en ny länk.',
  'token-revoked':
    'Länken gäller inte längre: dokumentet har ändrats, steget har redan avgjorts eller godkännandet har lämnats över. Har dokumentet ändrats har du fått en ny länk i ett nytt mejl.',
};
