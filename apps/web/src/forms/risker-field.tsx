import type { RiskMatrixView } from '@rodtrad/contracts';
import { riskLevel, withRiskValues } from '@rodtrad/domain';
import type { FieldProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { useApiQuery } from '../api/query-client';
import { t } from '../i18n/t';

type Risk = { risk?: unknown; sannolikhet?: unknown; konsekvens?: unknown; riskvarde?: unknown };

/**
 * The internkontrollplan's `risker` as RJSF renders a list, with each risk value computed live
 * (sannolikhet × konsekvens, the rule the server applies when the plan is saved: withRiskValues)
 * and its level in words after the installation's matrix. The author cannot type a value.
 */
export function RiskerField(props: FieldProps) {
  const ArrayField = props.registry.fields['ArrayField'];
  const matrix = useApiQuery<RiskMatrixView>('/api/risk-matrix');
  const risks = (Array.isArray(props.formData) ? props.formData : []) as Risk[];
  const computed = (withRiskValues({ risker: risks }).risker ?? []) as Risk[];
  const { onChange, readonly, disabled } = props;
  const stale = computed.some((r, i) => r.riskvarde !== risks[i]?.riskvarde);
  useEffect(() => {
    if (stale && !readonly && !disabled)
      onChange(computed, props.fieldPathId.path, undefined, props.fieldPathId.$id);
  }, [stale, JSON.stringify(computed)]);
  const id = props.fieldPathId.$id;
  return (
    <div className="risker-field">
      <ArrayField {...props} />
      {computed.length > 0 && (
        <section className="deviations" aria-label={t('ic.liveTitle')} aria-live="polite">
          <dl>
            {computed.map((r, i) => {
              const value = typeof r.riskvarde === 'number' ? r.riskvarde : null;
              const level =
                value !== null && matrix.data ? t(`ic.level.${riskLevel(value, matrix.data)}`) : null;
              return (
                <div className="deviation-row" key={i}>
                  <dt>{t('ic.liveRow', { nr: i + 1, risk: typeof r.risk === 'string' ? r.risk : '' })}</dt>
                  <dd data-testid={`${id}-${i}-riskvarde`}>
                    {value === null
                      ? t('ic.liveMissing')
                      : level === null
                        ? t('ic.liveValueOnly', { value, s: String(r.sannolikhet), k: String(r.konsekvens) })
                        : t('ic.liveValue', {
                            value,
                            s: String(r.sannolikhet),
                            k: String(r.konsekvens),
                            level: level.toLowerCase(),
                          })}
                  </dd>
                </div>
              );
            })}
          </dl>
          <p className="hint">{t('ic.liveHint')}</p>
        </section>
      )}
    </div>
  );
}
