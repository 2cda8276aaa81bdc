import type { Page } from '../../../src/platform/contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';
import type { Health } from '../../../src/modules/system/system.contract.ts';

export type { Health };


export function useHealth() {
  return useApiQuery<Health>('/health', (signal) => api.get<Health>('/health', undefined, signal));
}

/** GET /orgs?pageSize=1 — only `total` is used. */
export function useOrgCount(side?: 'east' | 'west') {
  const query = { side, pageSize: 1 };
  return useApiQuery<number>(keyOf('/orgs#count', query), (signal) => api.get<Page<unknown>>('/orgs', query, signal).then((p) => p.total));
}

/** GET /pairings?pageSize=1 — only `total` is used. */
export function usePairingCount(filter: { status?: string; year?: number } = {}) {
  const query = { ...filter, pageSize: 1 };
  return useApiQuery<number>(keyOf('/pairings#count', query), (signal) => api.get<Page<unknown>>('/pairings', query, signal).then((p) => p.total));
}
