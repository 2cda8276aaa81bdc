import type { z } from 'zod';
import type { apiToken, createdToken, session } from '../../../src/modules/auth/auth.contract.ts';
import { api } from '../../ui/api.ts';
import { useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type Session = z.infer<typeof session>;
export type ApiToken = z.infer<typeof apiToken>;
export type CreatedToken = z.infer<typeof createdToken>;
export interface TokenInput {
  name: string;
  actions: string[];
  expiresOn?: string | null;
}

/** GET /auth/sessions — the signed-in user's own sessions (`current` marks this browser's). */
export function useSessions() {
  return useApiQuery<Session[]>('/auth/sessions', (signal) => api.get<Session[]>('/auth/sessions', undefined, signal));
}

/** DELETE /auth/sessions/:id */
export function useEndSession() {
  return useApiMutation((id: number) => api.delete(`/auth/sessions/${id}`));
}

/** GET /auth/tokens */
export function useTokens() {
  return useApiQuery<ApiToken[]>('/auth/tokens', (signal) => api.get<ApiToken[]>('/auth/tokens', undefined, signal));
}

/** POST /auth/tokens → 201 with the plain `token`, returned only this once. */
export function useCreateToken() {
  return useApiMutation((input: TokenInput) => api.post<CreatedToken>('/auth/tokens', input));
}

/** DELETE /auth/tokens/:id */
export function useRevokeToken() {
  return useApiMutation((id: number) => api.delete(`/auth/tokens/${id}`));
}
