import { api } from './api.ts';
import { keyOf, useApiQuery } from './useApi.ts';

/**
 * Names for ids the API returns without them (a training's organiser, its county): one request per distinct id,
 * all at once, whenever the set of ids changes. Unknown ids map to nothing.
 */
function useNames<K extends string | number>(kind: string, ids: (K | null | undefined)[], fetchName: (id: K, signal: AbortSignal) => Promise<string>) {
  const distinct = [...new Set(ids.filter((x): x is K => x !== null && x !== undefined && x !== ''))].sort();
  const q = useApiQuery<Map<K, string>>(distinct.length ? keyOf(`names:${kind}`, distinct) : null, async (signal) => {
    const names = await Promise.all(distinct.map((id) => fetchName(id, signal).catch(() => null)));
    return new Map(distinct.flatMap((id, i) => (names[i] ? [[id, names[i]] as const] : [])));
  });
  return q.data ?? new Map<K, string>();
}

export const useOrgNames = (ids: (number | null | undefined)[]) => useNames<number>('org', ids, (id, signal) => api.get<{ name: string }>(`/orgs/${id}`, undefined, signal).then((o) => o.name));

export const useRegionNames = (codes: (string | null | undefined)[]) => useNames<string>('region', codes, (code, signal) => api.get<{ name: string }>(`/regions/${code}`, undefined, signal).then((r) => r.name));
