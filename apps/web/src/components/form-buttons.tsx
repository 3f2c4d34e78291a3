import { t } from '../i18n/t';

interface FormButtonsProps {
  busy?: boolean;
  /** The submit button's label, and what it says while the form is sent. */
  label: string;
  busyLabel: string;
  /** Shows a Cancel button beside it. */
  onCancel?: () => void;
}

/** A form's submit button (disabled while sending) and, when it may be left, its Cancel. */
export function FormButtons({ busy, label, busyLabel, onCancel }: FormButtonsProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
