import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { ApiProblem } from './problem';
import { writeProblem } from './problem-details.filter';

/**
 * The shape of every per-family filter: a domain library throws its own error with a code, the
 * family's filter says which status and title that code means, and the problem document is
 * written exactly as ProblemDetailsFilter writes every other one.
 */
export abstract class DomainErrorFilter<E> implements ExceptionFilter<E> {
  protected abstract toApiProblem(error: E): ApiProblem;

  catch(error: E, host: ArgumentsHost): void {
    writeProblem(this.toApiProblem(error), host);
  }
}
