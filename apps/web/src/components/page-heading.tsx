import { useEffect, useRef } from 'react';
import { t } from '../i18n/t';

let focusPending = false;

/** Called on in-app navigation: the next page heading takes focus, so screen readers hear the new page. */
export function requestHeadingFocus(): void {
  focusPending = true;
}

export function PageHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.titleSuffix')}`;
  }, [title]);
  useEffect(() => {
    if (focusPending) {
      focusPending = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
