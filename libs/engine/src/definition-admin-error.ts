import type { FormFieldError } from '@rodtrad/workflow';

export type DefinitionAdminErrorCode = 'not-found' | 'conflict' | 'validation-failed';

/** A refusal while administering definition versions, with a Swedish message and body pointers. */
export class DefinitionAdminError extends Error {
  constructor(
    readonly code: DefinitionAdminErrorCode,
    message: string,
    readonly errors?: (FormFieldError & { code?: string })[],
  ) {
    super(message);
    this.name = 'DefinitionAdminError';
  }
}

const PROBLEM_TEXT: Record<string, string> = {
  schema: 'Följer inte definitionsformatet',
  'key-mismatch': 'machine.id måste vara samma som key',
  'unknown-target': 'Steget finns inte',
  'unreachable-state': 'Steget kan inte nås från startsteget',
  'no-path-to-final': 'Det finns ingen väg från steget till ett slutsteg',
  'unknown-guard': 'Okänt villkor',
  'invalid-guard-params': 'Ogiltiga parametrar till villkoret',
  'unknown-action': 'Okänd åtgärd',
  'invalid-action-params': 'Ogiltiga parametrar till åtgärden',
  'unknown-form': 'Formuläret finns inte bland versionens formulär',
  'unknown-role': 'Okänd roll',
  'unknown-deadline-key': 'Okänd tidsfrist i årshjulet',
  'unknown-document-type': 'Okänd dokumenttyp',
  'deadline-event-not-handled': 'Händelsen vid tidsfristen tas inte emot i steget',
  'event-without-permission': 'Händelsen saknar behörighet i meta.events',
  'missing-form': 'Steget saknar formulär',
  'max-age-without-sign-in':
    'Färsk inloggning (maxAge) kräver att steget kräver inloggning (requireSignIn: true)',
};

/**
 * A validator problem in Swedish, with the names the validator's own (English) wording quotes:
 * "Steget saknar formulär: review", "Okänd roll: kassor". The pointer beside it says where.
 */
export function problemText(code: string, detail: string): string {
  const text = PROBLEM_TEXT[code] ?? 'Ogiltig definition';
  const names = [...detail.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]);
  return names.length ? `${text}: ${[...new Set(names)].join(', ')}` : text;
}
