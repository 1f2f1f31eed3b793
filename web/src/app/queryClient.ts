/**
 * Server state. Errors of a query stay on the query (pages show them in place); a 4xx is not
 * retried, since asking again gets the same answer, and a network error is retried twice.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (failures, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
});
