import type { OrgUnitView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { t } from '../../i18n/t';

/**
 * Asks before a unit is deleted. The server refuses (409) a unit that children, roles, documents
 * or escalations still name; its reason is shown here, in the dialog, and nothing changes.
 */
export function UnitDelete({
  unit,
  onDeleted,
  onCancel,
}: {
  unit: OrgUnitView;
  onDeleted: (message: string) => Promise<void> | void;
  onCancel: () => void;
}) {
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/org-units/${encodeURIComponent(unit.id)}`, { method: 'DELETE' }),
    onSuccess: () => onDeleted(t('admin.unitDeleted', { name: unit.name })),
  });
  const busy = remove.isPending;
  const error = remove.error ? toApiError(remove.error).userMessage : null;

  return (
    <div className="form-stack">
      <h2 id="unit-delete-title">{t('admin.unitDeleteTitle', { name: unit.name })}</h2>
      <p>{t('admin.unitDeleteText')}</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => remove.mutate()} disabled={busy}>
          {t('admin.unitDelete')}
        </button>
        {/* A destructive step: the dialog opens on Avbryt, not on Ta bort. */}
        <button
          type="button"
          className="button button-secondary"
          onClick={onCancel}
          // The attribute itself (React's autoFocus only calls focus()): showModal() then starts here.
          ref={(el) => el?.setAttribute('autofocus', '')}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
