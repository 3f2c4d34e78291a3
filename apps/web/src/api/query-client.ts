import { QueryClient, queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { ApiError, toApiError } from './api-error';
import { apiFetch, type QueryValue } from './api-fetch';

declare module '@tanstack/react-query' {
  interface Register {
    // apiFetch turns every failure into an ApiError, so pages read error.userMessage without a cast.
    defaultError: ApiError;
  }
}

/**
 * One cache for the app. No automatic retries and no refetch on window focus: a failed request
 * shows its problem and a "Försök igen" button at once, as the pages did before the cache.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** A GET of the API as query options; the key is the path and its query, so invalidation can use the path. */
export function apiQuery<T>(path: string, query?: Record<string, QueryValue>) {
  return queryOptions({
    queryKey: [path, query ?? null] as const,
    queryFn: ({ signal }) =>
      apiFetch<T>(path, { query, signal }).catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw toApiError(error);
      }),
  });
}

/** Loads `path` (nothing while it is null) through the shared cache. */
export function useApiQuery<T>(
  path: string | null,
  query?: Record<string, QueryValue>,
): UseQueryResult<T, ApiError> {
  return useQuery({ ...apiQuery<T>(path ?? '', query), enabled: path !== null });
}
