import type { Me } from '../../../src/modules/auth/auth.contract.ts';
import { api, apiRequest } from '../../ui/api.ts';
import { useApiMutation } from '../../ui/useApi.ts';

export type { Me };

/** GET /auth/me — who is logged in, their permissions, scope and CSRF token. */
export const fetchMe = (signal?: AbortSignal) => api.get<Me>('/auth/me', undefined, signal);

/** POST /auth/login — sets the HttpOnly session cookie and the readable xiezuo_csrf cookie. */
export function useLogin() {
  return useApiMutation((username: string, password: string) => api.post<Me>('/auth/login', { username, password }));
}

/** POST /auth/logout (?everywhere=true ends every session of the user). */
export function useLogout() {
  return useApiMutation((everywhere: boolean) => apiRequest<void>('POST', '/auth/logout', { query: { everywhere: everywhere || undefined } }));
}

/** POST /auth/password → 204; the user's other sessions end. */
export function useChangePassword() {
  return useApiMutation((currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }));
}

/** Where to go after login: only a path inside this app (no `//host`, not the login page itself). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/** The current path and query, for `?next=`. */
export function nextParam(pathname: string, search: string): string {
  return encodeURIComponent(pathname + search);
}
