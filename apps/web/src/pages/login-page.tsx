import type { AuthProviders } from '@rodtrad/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, toApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { useSession } from '../auth/session';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { ProblemMessage } from '../components/feedback';
import { TextField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import { t, tOr } from '../i18n/t';
import { safeNext } from '../auth/safe-next';

type FieldName = 'username' | 'password';
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_IDS: Record<FieldName, string> = { username: 'login-username', password: 'login-password' };

function errorsFromApi(error: ApiError): FieldErrors | null {
  if (error.status === 401) return { password: t('login.invalidCredentials') };
  if (error.status === 429) return { password: t('login.tooManyAttempts') };
  const fields: FieldErrors = {};
  for (const { pointer, message } of error.fieldErrors) {
    const name = pointer.replace(/^\//, '');
    if (name === 'username' || name === 'password') fields[name] = fields[name] ?? message;
  }
  return Object.keys(fields).length ? fields : null;
}

export function LoginPage() {
  const { login } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const signedOut = searchParams.has('utloggad');
  const oidcError = searchParams.get('oidc-fel');
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => apiFetch<AuthProviders>('/api/auth/providers'),
    staleTime: Infinity,
  });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const signIn = useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      login(credentials.username, credentials.password),
    onSuccess: () => navigate(safeNext(next), { replace: true }),
    onError: (error) => {
      const apiError = toApiError(error);
      const mapped = errorsFromApi(apiError);
      setFieldErrors(mapped ?? {});
      setFailure(mapped ? null : apiError);
      setPassword('');
      setAttempt((n) => n + 1);
    },
  });
  const submitting = signIn.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!username.trim()) missing.username = t('login.usernameRequired');
    if (!password) missing.password = t('login.passwordRequired');
    setFailure(null);
    if (Object.keys(missing).length) {
      setFieldErrors(missing);
      setAttempt((n) => n + 1);
      return;
    }
    signIn.mutate({ username: username.trim(), password });
  }

  const oidc = providers.data?.oidc;
  const localLogin = providers.data?.localLogin ?? true;
  const form = (
    <form className="card form-stack" noValidate onSubmit={onSubmit} aria-busy={submitting || undefined}>
      <TextField
        id={FIELD_IDS.username}
        name="username"
        label={t('login.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        error={fieldErrors.username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        id={FIELD_IDS.password}
        name="password"
        type="password"
        label={t('login.password')}
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );

  const summary: SummaryItem[] = (Object.keys(fieldErrors) as FieldName[]).map((name) => ({
    fieldId: FIELD_IDS[name],
    message: fieldErrors[name] as string,
  }));

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      {signedOut && attempt === 0 && (
        <p className="notice notice-success" role="status">
          {t('login.signedOut')}
        </p>
      )}
      <ErrorSummary items={summary} focusKey={attempt} />
      {failure && <ProblemMessage error={failure} />}
      {oidcError && attempt === 0 && (
        <div className="notice notice-error" role="alert">
          <h2>{t('login.oidcError.title')}</h2>
          <p>{tOr(`login.oidcError.${oidcError}`, t('login.oidcError.invalid-response'))}</p>
        </div>
      )}
      {oidc && (
        <p>
          <a className="button" href={`${oidc.loginUrl}?returnTo=${encodeURIComponent(safeNext(next))}`}>
            {t('login.oidcButton', { name: oidc.name })}
          </a>
        </p>
      )}
      {localLogin ? (
        <>
          {oidc && <p>{t('login.or')}</p>}
          <p>{t('login.intro')}</p>
          {form}
        </>
      ) : (
        <details>
          <summary>{t('login.breakGlass')}</summary>
          <p>{t('login.localOff')}</p>
          {form}
        </details>
      )}
    </div>
  );
}
