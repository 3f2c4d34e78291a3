import { t } from '../i18n/t';
import { Link } from 'react-router';

/** Previous/next year links for the pages of a budget year. */
export function YearNav({ year, base }: { year: number; base: string }) {
  return (
    <nav aria-label={t('common.yearNav')} className="button-row">
      <Link className="button button-secondary" to={`${base}/${year - 1}`}>
        {t('common.prevYear', { year: year - 1 })}
      </Link>
      <Link className="button button-secondary" to={`${base}/${year + 1}`}>
        {t('common.nextYear', { year: year + 1 })}
      </Link>
    </nav>
  );
}
