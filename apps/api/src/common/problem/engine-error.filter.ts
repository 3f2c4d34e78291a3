import { Catch } from '@nestjs/common';
import { EngineError, type EngineErrorCode } from '@rodtrad/engine';
import { ApiProblem } from './problem';
import { DomainErrorFilter } from './domain-error.filter';

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

/** Refusals of the document engine (create, save, transition, read). */
@Catch(EngineError)
export class EngineErrorFilter extends DomainErrorFilter<EngineError> {
  protected toApiProblem(e: EngineError): ApiProblem {
    const [status, title] = STATUS[e.code];
    return new ApiProblem(status, e.code, title, e.message, e.errors, e.details);
  }
}
