import type { CalendarEntryView, UpdateCalendarEntryResult } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { TextField } from '../../components/field';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from '../admin/form-errors';
import {
  calendarEditField,
  calendarEditInitialValue,
  calendarEditPointer,
  calendarLineId,
  calendarUpdateBody,
} from './calendar-edit';

export const calendarEditInputId = (entry: CalendarEntryView) => `wheel-edit-${calendarLineId(entry)}`;

/**
 * The inline form that moves one line of the wheel: a date, or the åtgärdsplan line's days.
 * Focus goes to the input when it opens and back to it when the server refuses the value (its
 * message is tied to the input); Escape cancels. The caller returns focus to "Ändra".
 */
export function CalendarEditForm({
  year,
  entry,
  onSaved,
  onCancel,
}: {
  year: number;
  entry: CalendarEntryView;
  onSaved: (result: UpdateCalendarEntryResult) => void;
  onCancel: () => void;
}) {
  const field = calendarEditField(entry);
  const inputId = calendarEditInputId(entry);
  const [value, setValue] = useState(() => calendarEditInitialValue(entry));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);

  // On opening, and after every refused save, the reader is taken to the input.
  useEffect(() => {
    document.getElementById(inputId)?.focus();
  }, [inputId, attempt]);

  const save = useMutation({
    mutationFn: () =>
      apiFetch<UpdateCalendarEntryResult>(`/api/years/${year}/calendar/${encodeURIComponent(entry.key)}`, {
        method: 'PUT',
        body: calendarUpdateBody(entry, value),
      }),
    onSuccess: onSaved,
    onError: (error) => {
      setErrors(
        formErrors(toApiError(error), (pointer) =>
          pointer === calendarEditPointer(field) ? inputId : undefined,
        ),
      );
      setAttempt((n) => n + 1);
    },
  });
  // After a save the form closes: it stays busy until then.
  const busy = save.isPending || save.isSuccess;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) save.mutate();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onCancel();
    }
  }

  const general = errors.summary.filter((item) => !item.fieldId);
  const vars = { title: entry.title };
  return (
    <form noValidate className="form-stack wheel-edit-form" onSubmit={submit} onKeyDown={onKeyDown}>
      {general.length > 0 && (
        <div className="notice notice-error" role="alert">
          {general.map((item, i) => (
            <p key={i}>{item.message}</p>
          ))}
        </div>
      )}
      {field === 'relativeDays' ? (
        <TextField
          id={inputId}
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          step={1}
          label={t('yearWheel.editDays', vars)}
          hint={t('yearWheel.editDaysHint')}
          value={value}
          error={errors.fields[calendarEditPointer(field)]}
          onChange={(e) => setValue(e.target.value)}
        />
      ) : (
        <TextField
          id={inputId}
          type="date"
          label={t('yearWheel.editDate', vars)}
          hint={t('yearWheel.editDateHint')}
          value={value}
          error={errors.fields[calendarEditPointer(field)]}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
