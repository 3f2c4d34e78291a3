import { ApiError } from '../../api/api-error';
import { formErrors } from './form-errors';

describe('formErrors', () => {
  it('puts 422 messages at their fields and lists them in the summary', () => {
    const error = new ApiError(422, {
      errors: [
        { pointer: '/email', message: 'Ogiltig e-postadress' },
        { pointer: '/roles/0/orgUnitId', message: 'Rollen kan inte ges på den enheten' },
        { pointer: '/other', message: 'Något annat' },
      ],
    });
    const ids: Record<string, string> = { '/email': 'user-email', '/roles/0/orgUnitId': 'user-role-0-unit' };
    const result = formErrors(error, (p) => ids[p]);
    expect(result.fields).toEqual({
      '/email': 'Ogiltig e-postadress',
      '/roles/0/orgUnitId': 'Rollen kan inte ges på den enheten',
    });
    expect(result.summary).toEqual([
      { fieldId: 'user-email', message: 'Ogiltig e-postadress' },
      { fieldId: 'user-role-0-unit', message: 'Rollen kan inte ges på den enheten' },
      { fieldId: undefined, message: 'Något annat' },
    ]);
  });

  it('shows any other failure as one message', () => {
    const result = formErrors(new ApiError(409, { detail: 'Användarnamnet finns redan' }), () => undefined);
    expect(result).toEqual({ fields: {}, summary: [{ message: 'Användarnamnet finns redan' }] });
  });
});
