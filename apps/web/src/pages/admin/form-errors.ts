import type { ApiError } from '../../api/api-error';
import type { SummaryItem } from '../../components/error-summary';

export interface FormErrors {
  /** Messages by JSON pointer into the request body ("/email", "/roles/0/orgUnitId"). */
  fields: Record<string, string>;
  /** For the error summary: each message linked to the field that shows it. */
  summary: SummaryItem[];
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: [] };

/**
 * A 422 problem+json turned into per-field messages. `fieldIds` maps a pointer to the id of its
 * input; a pointer without a field (or any other failure) goes to the summary unlinked.
 */
export function formErrors(error: ApiError, fieldIds: (pointer: string) => string | undefined): FormErrors {
  if (error.status !== 422 || !error.fieldErrors.length)
    return { fields: {}, summary: [{ message: error.userMessage }] };
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const { pointer, message } of error.fieldErrors) {
    const id = fieldIds(pointer);
    if (id && !fields[pointer]) fields[pointer] = message;
    summary.push({ fieldId: id, message });
  }
  return { fields, summary };
}
