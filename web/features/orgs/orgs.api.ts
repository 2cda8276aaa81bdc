import type { Page } from '../../../src/platform/contract.ts';
import type { Org, OrgInput, OrgListQuery, OrgLookupItem, OrgPatch } from '../../../src/modules/orgs/orgs.contract.ts';
import type { OrgGraph } from '../../../src/modules/pairings/pairings.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type OrgListParams = Partial<OrgListQuery>;

/** GET /orgs — one page, server-side filters and sorting. */
export function useOrgList(params: OrgListParams) {
  return useApiQuery<Page<Org>>(keyOf('/orgs', params), (signal) => api.get<Page<Org>>('/orgs', params, signal));
}

/** GET /orgs/lookup?q=&side= — the few matches an org picker offers while the user types (any organisation, names only). */
export function useOrgOptions(q: string, side?: 'east' | 'west', limit = 20) {
  const params = { q: q.trim() || undefined, side, limit };
  return useApiQuery<{ items: OrgLookupItem[] }>(keyOf('/orgs/lookup', params), (signal) => api.get<{ items: OrgLookupItem[] }>('/orgs/lookup', params, signal));
}

/** GET /orgs/:id */
export function useOrg(id: number | null) {
  return useApiQuery<Org>(id ? keyOf(`/orgs/${id}`) : null, (signal) => api.get<Org>(`/orgs/${id}`, undefined, signal));
}

/** GET /orgs/:id/graph?year= — the org, its sub-units and everything they are paired with. */
export function useOrgGraph(id: number | null, year?: number) {
  const query = { year };
  return useApiQuery<OrgGraph>(id ? keyOf(`/orgs/${id}/graph`, query) : null, (signal) => api.get<OrgGraph>(`/orgs/${id}/graph`, query, signal));
}

/** POST /orgs */
export function useCreateOrg() {
  return useApiMutation((input: OrgInput) => api.post<Org>('/orgs', input));
}

/** PATCH /orgs/:id */
export function useUpdateOrg() {
  return useApiMutation((id: number, patch: OrgPatch) => api.patch<Org>(`/orgs/${id}`, patch));
}

/** DELETE /orgs/:id */
export function useDeleteOrg() {
  return useApiMutation((id: number) => api.delete(`/orgs/${id}`));
}
