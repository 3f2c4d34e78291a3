import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../i18n/t';

/** The shortest text the API searches for (its `q` has minLength 2). */
export const MIN_SEARCH_LENGTH = 2;

/** The search form of the header: it takes the user to the search page (/sok?q=…). */
export function HeaderSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/sok?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <label htmlFor="header-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="header-search"
        type="search"
        className="input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('search.placeholder')}
        autoComplete="off"
      />
      <button type="submit" className="button button-secondary">
        {t('search.submit')}
      </button>
    </form>
  );
}
