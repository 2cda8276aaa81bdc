import type { Page } from '../../../src/platform/contract.ts';
import type { Agreement, AgreementInput, Pairing, PairingInput, PairingListQuery, PairingPatch } from '../../../src/modules/pairings/pairings.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import type { OrgChoice } from '../orgs/OrgSearchSelect.tsx';

export type PairingListParams = Partial<PairingListQuery>;

/** GET /pairings — one page, server-side filters and sorting. */
export function usePairingList(params: PairingListParams) {
  return useApiQuery<Page<Pairing>>(keyOf('/pairings', params), (signal) => api.get<Page<Pairing>>('/pairings', params, signal));
}

/** GET /pairings/:id */
export function usePairing(id: number | null) {
  return useApiQuery<Pairing>(id ? keyOf(`/pairings/${id}`) : null, (signal) => api.get<Pairing>(`/pairings/${id}`, undefined, signal));
}

/** POST /pairings */
export function useCreatePairing() {
  return useApiMutation((input: PairingInput) => api.post<Pairing>('/pairings', input));
}

/** PATCH /pairings/:id */
export function useUpdatePairing() {
  return useApiMutation((id: number, patch: PairingPatch) => api.patch<Pairing>(`/pairings/${id}`, patch));
}

/** DELETE /pairings/:id */
export function useDeletePairing() {
  return useApiMutation((id: number) => api.delete(`/pairings/${id}`));
}

/** GET /pairings/:id/agreements */
export function useAgreements(pairingId: number | null) {
  return useApiQuery<Agreement[]>(pairingId ? keyOf(`/pairings/${pairingId}/agreements`) : null, (signal) =>
    api.get<Agreement[]>(`/pairings/${pairingId}/agreements`, undefined, signal),
  );
}

/** POST /pairings/:id/agreements */
export function useCreateAgreement() {
  return useApiMutation((pairingId: number, input: AgreementInput) => api.post<Agreement>(`/pairings/${pairingId}/agreements`, input));
}

/** PATCH /agreements/:id */
export function useUpdateAgreement() {
  return useApiMutation((id: number, patch: Partial<AgreementInput>) => api.patch<Agreement>(`/agreements/${id}`, patch));
}

/** DELETE /agreements/:id */
export function useDeleteAgreement() {
  return useApiMutation((id: number) => api.delete(`/agreements/${id}`));
}

/** The two organisations of a pairing as picker choices: offered in forms recorded under the pairing (they may lie outside the user's scope). */
export function usePairingOrgs(id: number | null | undefined): OrgChoice[] {
  const p = usePairing(id ?? null).data;
  if (!p || p.id !== id) return [];
  return [
    { id: p.eastOrg.id, name: p.eastOrg.name, side: 'east', regionName: p.eastOrg.regionName },
    { id: p.westOrg.id, name: p.westOrg.name, side: 'west', regionName: p.westOrg.regionName },
  ];
}
