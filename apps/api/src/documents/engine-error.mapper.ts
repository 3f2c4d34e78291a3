import { EngineError, type EngineErrorCode } from '@rodtrad/engine';
import { ApiProblem } from '../common/problem/problem';

const STATUS: Record<EngineErrorCode, [number, string]> = {
  'not-found': [404, 'Hittades inte'],
  forbidden: [403, 'Saknar behörighet'],
  'stale-version': [409, 'Dokumentet har ändrats'],
  'slot-taken': [409, 'Finns redan'],
  'unknown-event': [422, 'Händelsen går inte att skicka nu'],
  'guard-refused': [422, 'Villkoren är inte uppfyllda'],
  'validation-failed': [422, 'Ogiltiga uppgifter'],
  'invalid-request': [422, 'Ogiltig begäran'],
};

/** Engine refusals become problem documents; anything else is left for the 500 path. */
export async function mapEngineErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const [status, title] = STATUS[e.code];
    throw new ApiProblem(status, e.code, title, e.message, e.errors, e.details);
  }
}
