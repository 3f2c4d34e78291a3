import { PageHeading } from '../components/page-heading';
import { t } from '../i18n/t';
import { Link } from 'react-router';

/** "This thing does not exist", for pages whose API answered 404. */
export function NotFoundContent({ title, body }: { title: string; body: string }) {
  return (
    <div className="narrow">
      <PageHeading title={title} />
      <p>{body}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
