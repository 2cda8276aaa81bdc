import type { Coverage } from '../../../src/modules/pairings/pairings.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';

/** GET /coverage/:code?year= — which townships (or counties) of a region are paired, by pairing type. */
export function useCoverage(code: string | undefined, year: number | undefined) {
  const query = { year };
  return useApiQuery<Coverage>(code ? keyOf(`/coverage/${code}`, query) : null, (signal) => api.get<Coverage>(`/coverage/${code}`, query, signal));
}
