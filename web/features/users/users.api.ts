import type { z } from 'zod';
import type { Page } from '../../../src/platform/contract.ts';
import type { User, UserInput, UserListQuery, UserPatch, role } from '../../../src/modules/users/users.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type { User, UserInput, UserPatch };
export type Role = z.infer<typeof role>;
export type UserListParams = Partial<UserListQuery>;

/** GET /users — one page, filtered by q, role, status; sorted on the server. */
export function useUserList(params: UserListParams) {
  return useApiQuery<Page<User>>(keyOf('/users', params), (signal) => api.get<Page<User>>('/users', params, signal));
}

/** GET /roles — every role with its actions. */
export function useRoles() {
  return useApiQuery<Role[]>('/roles', (signal) => api.get<Role[]>('/roles', undefined, signal));
}

/** POST /users — the password is temporary: the user must change it at first login. */
export function useCreateUser() {
  return useApiMutation((input: UserInput) => api.post<User>('/users', input));
}

/** PATCH /users/:id — name, organisation, roles, scopes, status. */
export function useUpdateUser() {
  return useApiMutation((id: number, patch: UserPatch) => api.patch<User>(`/users/${id}`, patch));
}

/** POST /users/:id/password — a new temporary password; the user's sessions end. */
export function useResetPassword() {
  return useApiMutation((id: number, password: string) => api.post<User>(`/users/${id}/password`, { password }));
}
