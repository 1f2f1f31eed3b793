/** API tokens for scripts and integrations. The token itself is in the create answer only. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { ApiToken, CreatedToken } from './types.ts';

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api.get<ApiToken[]>('/api/tokens') });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, storeId }: { name: string; storeId: string | null }) => api.post<CreatedToken>('/api/tokens', { name, ...(storeId ? { storeId } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.delete(`/api/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
