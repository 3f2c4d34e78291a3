import { ApprovalError, type ApprovalErrorCode } from '@rodtrad/engine';
import { ApiProblem } from '../common/problem/problem';
import { mapEngineErrors } from '../documents/engine-error.mapper';

const STATUS: Record<ApprovalErrorCode, [number, string]> = {
  'token-unknown': [404, 'Okänd länk'],
  'token-used': [410, 'Länken är redan använd'],
  'token-expired': [410, 'Länken har gått ut'],
  'token-revoked': [410, 'Länken gäller inte längre'],
  'sign-in-required': [401, 'Inloggning krävs'],
  'not-your-approval': [403, 'Inte ditt godkännande'],
  'invalid-request': [422, 'Ogiltiga uppgifter'],
};

/** Approval and engine refusals as problem documents (404 unknown link, 410 dead link, 422 …). */
export async function mapApprovalErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await mapEngineErrors(fn);
  } catch (e) {
    if (!(e instanceof ApprovalError)) throw e;
    const [status, title] = STATUS[e.code];
    const code = e.code === 'invalid-request' ? 'validation-failed' : e.code;
    throw new ApiProblem(status, code, title, e.detail, e.errors);
  }
}
