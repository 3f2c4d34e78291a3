import { Catch } from '@nestjs/common';
import { DefinitionAdminError, type DefinitionAdminErrorCode } from '@rodtrad/engine';
import { ApiProblem } from './problem';
import { DomainErrorFilter } from './domain-error.filter';

const STATUS: Record<DefinitionAdminErrorCode, [number, string]> = {
  'not-found': [404, 'Hittades inte'],
  conflict: [409, 'Konflikt'],
  'validation-failed': [422, 'Ogiltiga uppgifter'],
};

/** Refusals of the definition and form version use cases (pointers into the request body). */
@Catch(DefinitionAdminError)
export class DefinitionAdminErrorFilter extends DomainErrorFilter<DefinitionAdminError> {
  protected toApiProblem(e: DefinitionAdminError): ApiProblem {
    const [status, title] = STATUS[e.code];
    return new ApiProblem(status, e.code, title, e.message, e.errors);
  }
}
