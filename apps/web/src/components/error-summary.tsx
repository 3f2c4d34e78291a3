import { useEffect, useRef } from 'react';
import { t } from '../i18n/t';

export interface SummaryItem {
  /** id of the field the message is about; the summary links to it. */
  fieldId?: string;
  message: string;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): it takes focus when it appears,
 * and each entry links to its field.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // focusKey changes on every failed submit, so a repeat failure moves focus again.
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  const title =
    items.length === 1
      ? t('common.errorSummaryTitleOne')
      : t('common.errorSummaryTitle', { count: items.length });
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? ''}-${index}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId as string)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
