import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, toApiError } from './api-error';
import { apiFetch, type QueryValue } from './api-fetch';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; keeps the old data on screen meanwhile. */
  refetch: () => void;
}

/**
 * A small useQuery: loads `path` (skip with null), aborts when the path changes or the
 * component goes away, and never lets a slow old answer overwrite a newer one.
 */
export function useQuery<T>(path: string | null, query?: Record<string, QueryValue>): QueryState<T> {
  const key = path === null ? null : JSON.stringify([path, query ?? null]);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({
    key,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  const latest = useRef({ path, query });
  latest.current = { path, query };

  useEffect(() => {
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    const controller = new AbortController();
    const { path: currentPath, query: currentQuery } = latest.current;
    setState((previous) => ({
      key,
      data: previous.key === key ? previous.data : undefined,
      loading: true,
    }));
    apiFetch<T>(currentPath as string, { query: currentQuery, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          key,
          data: previous.key === key ? previous.data : undefined,
          error: toApiError(error),
          loading: false,
        }));
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const refetch = useCallback(() => setTick((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: current ? state.loading : key !== null,
    refetch,
  };
}
