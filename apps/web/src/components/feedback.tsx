import type { ApiError } from '../api/api-error';
import { t } from '../i18n/t';

export function Loading({ label }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ProblemMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.userMessage}</p>
      {error.reference && <p className="muted">{t('error.reference', { id: error.reference })}</p>}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function NotAvailable({ message }: { message?: string }) {
  return (
    <div className="notice notice-info">
      <p>{message ?? t('common.notAvailable')}</p>
      <p className="muted">{t('common.notAvailableHint')}</p>
    </div>
  );
}

/** A polite live region for "saved" and similar confirmations. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite" className={message ? 'notice notice-success' : 'visually-hidden'}>
      {message}
    </div>
  );
}
