import { api } from '../../ui/api.ts';
import { useApiQuery } from '../../ui/useApi.ts';
import type { Health } from '../../../src/modules/system/system.contract.ts';

export type { Health };

export function useHealth() {
  return useApiQuery<Health>('/health', (signal) => api.get<Health>('/health', undefined, signal));
}
