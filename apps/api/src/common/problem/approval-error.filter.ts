import { Catch } from '@nestjs/common';
import { ApprovalError, type ApprovalErrorCode } from '@rodtrad/engine';
import { ApiProblem } from './problem';
import { DomainErrorFilter } from './domain-error.filter';

const STATUS: Record<ApprovalErrorCode, [number, string]> = {
  'token-unknown': [404, 'Okänd länk'],
  'token-used': [410, 'Länken är redan använd'],
  'token-expired': [410, 'Länken har gått ut'],
  'token-revoked': [410, 'Länken gäller inte längre'],
  'sign-in-required': [401, 'Inloggning krävs'],
  'fresh-sign-in-required': [401, 'Ny inloggning krävs'],
  'not-your-approval': [403, 'Inte ditt godkännande'],
  'not-authorised': [403, 'Du kan inte längre besluta'],
  'invalid-request': [422, 'Ogiltiga uppgifter'],
};

/** Refusals of the approval use cases: 404 unknown link, 410 dead link, 401, 403, 422. */
@Catch(ApprovalError)
export class ApprovalErrorFilter extends DomainErrorFilter<ApprovalError> {
  protected toApiProblem(e: ApprovalError): ApiProblem {
    const [status, title] = STATUS[e.code];
    // The approval page and the app read a bad field as every other validation failure.
    const code = e.code === 'invalid-request' ? 'validation-failed' : e.code;
    return new ApiProblem(status, code, title, e.detail, e.errors, e.extensions);
  }
}
