import type { CurrentUser, LoginResponse } from '@rodtrad/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, toApiError } from '../api/api-error';
import { apiFetch, UNAUTHORIZED_EVENT } from '../api/api-fetch';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; user: CurrentUser }
  /** `logout`: the user signed out here (not an expired session), so the sign-in page says so. */
  | { status: 'signed-out'; reason?: 'logout' }
  | { status: 'error'; error: ApiError };

export interface Session {
  state: SessionState;
  /** Signs in; throws ApiError (401 for a wrong password, 422 with errors[] for bad input). */
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const queryClient = useQueryClient();

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<CurrentUser>('/api/auth/me', { signal: controller.signal }).then(
      (user) => setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState(apiError.status === 401 ? { status: 'signed-out' } : { status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [tick]);

  useEffect(() => {
    // What one user loaded must not show for the next one on this browser.
    const onUnauthorized = () => {
      queryClient.removeQueries();
      setState({ status: 'signed-out' });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const response = await apiFetch<LoginResponse>('/api/auth/login', {
        method: 'POST',
        body: { username, password },
      });
      // The login answer may carry a slimmer user; /me has the unit names for the header.
      const user = await apiFetch<CurrentUser>('/api/auth/me').catch(() => response.user);
      queryClient.removeQueries();
      setState({ status: 'signed-in', user });
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    let redirectTo: string | undefined;
    try {
      // A session from the municipality's identity provider ends there too (RP-initiated logout).
      const answer = await apiFetch<{ redirectTo?: string } | undefined>('/api/auth/logout', {
        method: 'POST',
      });
      redirectTo = answer?.redirectTo;
    } finally {
      queryClient.removeQueries();
      // Going on to the provider, the page is left as it is (no sign-in page flashes first).
      if (redirectTo) window.location.assign(redirectTo);
      else setState({ status: 'signed-out', reason: 'logout' });
    }
  }, [queryClient]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setTick((n) => n + 1);
  }, []);

  const value = useMemo<Session>(() => ({ state, login, logout, reload }), [state, login, logout, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages rendered behind the sign-in gate. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}

export const isAdmin = (user: CurrentUser): boolean => user.roles.some((r) => r.role === 'admin');

export const hasAnyRole = (user: CurrentUser, roles: readonly string[]): boolean =>
  user.roles.some((r) => roles.includes(r.role));
