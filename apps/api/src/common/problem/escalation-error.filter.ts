import { Catch } from '@nestjs/common';
import { EscalationError } from '@rodtrad/engine';
import { ApiProblem } from './problem';
import { DomainErrorFilter } from './domain-error.filter';

/** Refusals of the escalation use cases: an unknown escalation, or one past the asked step (409). */
@Catch(EscalationError)
export class EscalationErrorFilter extends DomainErrorFilter<EscalationError> {
  protected toApiProblem(e: EscalationError): ApiProblem {
    if (e.code === 'not-found') return ApiProblem.notFound('Eskaleringen');
    return ApiProblem.conflict(e.code, e.detail, e.extensions);
  }
}
