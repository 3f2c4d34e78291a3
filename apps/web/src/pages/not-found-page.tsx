import { PageHeading } from '../components/page-heading';
import { t } from '../i18n/t';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="narrow">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
