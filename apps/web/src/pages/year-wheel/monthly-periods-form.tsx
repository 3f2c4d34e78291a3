import type { CalendarEntryView, MonthlyPeriodsResult } from '@rodtrad/contracts';
import { SWEDISH_MONTHS } from '@rodtrad/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from '../admin/form-errors';
import {
  ksMonthFieldId,
  monthFieldFor,
  monthlyPeriodsBody,
  monthRows,
  monthsSummary,
  type MonthRow,
} from './monthly-periods';

/**
 * The registrar's editor of the monthly reports (§6.1's periods as the wheel's data): for each
 * month whether it has a report and the month KS treats it in. A refused value is shown at its
 * month's field; the saved months are announced by the caller.
 */
export function MonthlyPeriodsForm({
  year,
  items,
  onSaved,
}: {
  year: number;
  items: readonly CalendarEntryView[];
  onSaved: (message: string) => void;
}) {
  const [rows, setRows] = useState<MonthRow[]>(() => monthRows(items));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<MonthlyPeriodsResult>(`/api/years/${year}/calendar/manadsrapport/periods`, {
        method: 'PUT',
        body: monthlyPeriodsBody(rows),
      }),
    onSuccess: () => {
      setErrors(NO_ERRORS);
      onSaved(t('yearWheel.months.saved', { months: monthsSummary(rows, t('yearWheel.months.none')) }));
    },
    onError: (error) => {
      const found = formErrors(toApiError(error), (pointer) => monthFieldFor(pointer, rows));
      setErrors(found);
      const first = found.summary.find((s) => s.fieldId)?.fieldId;
      if (first) document.getElementById(first)?.focus();
    },
  });
  const change = (month: number, patch: Partial<MonthRow>) =>
    setRows((all) => all.map((r) => (r.month === month ? { ...r, ...patch } : r)));
  const fieldError = (month: number) =>
    errors.summary.find((s) => s.fieldId === ksMonthFieldId(month))?.message;
  const general = errors.summary.filter((s) => !s.fieldId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <form noValidate className="form-stack wheel-months-form" onSubmit={submit}>
      {general.length > 0 && (
        <div className="notice notice-error" role="alert">
          {general.map((item, i) => (
            <p key={i}>{item.message}</p>
          ))}
        </div>
      )}
      <table className="data-table wheel-months">
        <thead>
          <tr>
            <th scope="col">{t('yearWheel.months.month')}</th>
            <th scope="col">{t('yearWheel.months.report')}</th>
            <th scope="col">{t('yearWheel.months.ks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const name = SWEDISH_MONTHS[r.month - 1];
            const error = fieldError(r.month);
            const errorId = `${ksMonthFieldId(r.month)}-error`;
            return (
              <tr key={r.month}>
                <th scope="row">{name.charAt(0).toUpperCase() + name.slice(1)}</th>
                <td>
                  <input
                    type="checkbox"
                    id={`wheel-months-report-${r.month}`}
                    checked={r.included}
                    aria-label={t('yearWheel.months.reportLabel', { month: name })}
                    onChange={(e) => change(r.month, { included: e.target.checked })}
                  />
                </td>
                <td>
                  <select
                    id={ksMonthFieldId(r.month)}
                    value={r.ksMonth}
                    disabled={!r.included}
                    aria-label={t('yearWheel.months.ksLabel', { month: name })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(e) => change(r.month, { ksMonth: Number(e.target.value) })}
                  >
                    {SWEDISH_MONTHS.map((m, i) => (
                      <option key={m} value={i + 1}>
                        {m}
                      </option>
                    ))}
                  </select>
                  {error && (
                    <p id={errorId} className="field-error">
                      {error}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
