import {
  budgetDeviation,
  deviationMeaning,
  investmentTotals,
  periodDeviation,
  readInvesteringar,
  yearEndDeviation,
  type Investering,
} from '@rodtrad/domain';
import type { FieldProps, RegistryFieldsType } from '@rjsf/utils';
import { useEffect } from 'react';
import { formatSum } from '../i18n/format';
import { RiskerField } from './risker-field';

const isKronor = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** "−12 000 000 kr underskott": the amount with its sign and the word for what it means. */
function Deviation({ label, value, id }: { label: string; value: number | null; id: string }) {
  const meaning = value === null ? null : deviationMeaning(value);
  return (
    <div className="deviation-row">
      <dt>{label}</dt>
      <dd data-testid={id}>
        {value === null ? (
          'Fyll i beloppen för att se avvikelsen.'
        ) : (
          <>
            <span className="deviation-amount">{formatSum(value)}</span>{' '}
            <strong className={`deviation-word deviation-${meaning === 'underskott' ? 'deficit' : 'ok'}`}>
              {meaning}
            </strong>
          </>
        )}
      </dd>
    </div>
  );
}

/**
 * The report's `ekonomi` (net cost in whole kronor, a cost positive) as RJSF renders an object,
 * with the two deviations computed beside it in words: the budget deviation arsbudget − prognos
 * and the period deviation periodbudget − utfall (docs/financial-control.md). The year-end report's
 * `ekonomi { arsbudget, utfall }` (no `prognos` in its schema) shows the one deviation of the
 * year, arsbudget − utfall. The annual budget the server injected (`const`) replaces a stale
 * figure in the form's data.
 */
export function EkonomiField(props: FieldProps) {
  const ObjectField = props.registry.fields['ObjectField'];
  const data = (props.formData ?? {}) as Record<string, unknown>;
  const injected = (props.schema.properties?.['arsbudget'] as { const?: unknown } | undefined)?.const;
  const { onChange, readonly, disabled } = props;
  useEffect(() => {
    if (isKronor(injected) && data['arsbudget'] !== injected && !readonly && !disabled)
      onChange({ ...data, arsbudget: injected }, props.fieldPathId.path, undefined, props.fieldPathId.$id);
  }, [injected, data['arsbudget']]);
  const { arsbudget, periodbudget, utfall, prognos } = data;
  // The year-end report (verksamhetsberättelse) has no forecast: its outcome is the whole year's.
  const yearEnd = !props.schema.properties?.['prognos'];
  const year = yearEnd
    ? isKronor(arsbudget) && isKronor(utfall)
      ? yearEndDeviation({ arsbudget, utfall })
      : null
    : isKronor(arsbudget) && isKronor(prognos)
      ? budgetDeviation({ arsbudget, prognos })
      : null;
  const period =
    isKronor(periodbudget) && isKronor(utfall) ? periodDeviation({ periodbudget, utfall }) : null;
  const id = props.fieldPathId.$id;
  return (
    <div className="ekonomi-field">
      <ObjectField {...props} />
      <section className="deviations" aria-label="Avvikelser mot budget" aria-live="polite">
        <dl>
          <Deviation
            id={`${id}-avvikelse-ar`}
            label={
              yearEnd
                ? 'Budgetavvikelse för året (årsbudget − utfall)'
                : 'Budgetavvikelse helår (årsbudget − prognos)'
            }
            value={year}
          />
          {!yearEnd && (
            <Deviation
              id={`${id}-avvikelse-period`}
              label="Avvikelse för perioden (periodens budget − utfall)"
              value={period}
            />
          )}
        </dl>
        <p className="hint">Negativ avvikelse är ett underskott, positiv ett överskott.</p>
      </section>
    </div>
  );
}

/** The decided investments as RJSF renders a list, with the projects summed and the total's deviation. */
export function InvesteringarField(props: FieldProps) {
  const ArrayField = props.registry.fields['ArrayField'];
  const projects: Investering[] = readInvesteringar(props.formData);
  const totals = projects.length ? investmentTotals(projects) : null;
  const id = props.fieldPathId.$id;
  return (
    <div className="investeringar-field">
      <ArrayField {...props} />
      {totals && (
        <section className="deviations" aria-label="Investeringar totalt" aria-live="polite">
          <dl>
            <div className="deviation-row">
              <dt>Summa budget / utfall / prognos</dt>
              <dd data-testid={`${id}-summa`}>
                {formatSum(totals.budget)} / {formatSum(totals.utfall)} / {formatSum(totals.prognos)}
              </dd>
            </div>
            <Deviation
              id={`${id}-avvikelse`}
              label="Avvikelse totalt (budget − prognos)"
              value={totals.avvikelse}
            />
          </dl>
        </section>
      )}
    </div>
  );
}

/** Custom fields a form's ui schema names with `ui:field`. */
export const customFields: RegistryFieldsType = {
  ekonomi: EkonomiField,
  investeringar: InvesteringarField,
  risker: RiskerField,
};
