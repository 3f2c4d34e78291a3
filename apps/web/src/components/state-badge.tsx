import { t, stateLabel } from '../i18n/t';
import { stateTone } from './state-tone';

export function StateBadge({ state, title }: { state: string; title?: string | null }) {
  const tone = stateTone(state);
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true" className="badge-icon" />
      {title || stateLabel(state)}
    </span>
  );
}

export function OverdueBadge() {
  return <span className="badge badge-overdue">{t('common.overdue')}</span>;
}
