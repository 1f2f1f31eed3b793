/** Admin users, and the signed-in user's own profile (name, language, password). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { Session, User } from './types.ts';

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => api.get<User[]>('/api/users') });
}

export interface NewUser { email: string; name: string; password: string; locale?: string; stores?: string[] }

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api.post<User>('/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useDeleteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/users/${encodeURIComponent(userId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

export interface ProfileChange { name?: string; locale?: string; password?: string; currentPassword?: string }

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ProfileChange) => api.patch<User>('/api/users/me', change),
    // The session carries the user: keep it current so a later refetch cannot undo a change.
    onSuccess: (user) => {
      qc.setQueryData<Session | null>(keys.session, (s) => (s ? { ...s, user } : s));
      void qc.invalidateQueries({ queryKey: keys.users });
    },
  });
}
