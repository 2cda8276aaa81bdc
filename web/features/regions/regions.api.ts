import type { Page } from '../../../src/platform/contract.ts';
import type { Region, SearchResult } from '../../../src/modules/regions/regions.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';

/** The API caps a page of children at 500; a township rarely has more villages, but we follow every page. */
const CHILDREN_PAGE_SIZE = 500;

/** GET /regions?parent= — all children of a region (no parent: the 31 provinces). Used by the lazy tree. */
export async function fetchRegionChildren(parent: string | null, signal?: AbortSignal): Promise<Region[]> {
  const items: Region[] = [];
  for (let page = 1; ; page++) {
    const result = await api.get<Page<Region>>('/regions', { parent, page, pageSize: CHILDREN_PAGE_SIZE }, signal);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/** GET /regions/:code */
export function useRegion(code: string | null | undefined) {
  return useApiQuery<Region>(code ? keyOf(`/regions/${code}`) : null, (signal) => api.get<Region>(`/regions/${code}`, undefined, signal));
}

/** GET /regions/search?q= — every candidate, ranked; `ambiguous` when the name fits several places. */
export function useRegionSearch(q: string, limit = 20, within?: string) {
  const text = q.trim();
  const query = { q: text, limit, within };
  return useApiQuery<SearchResult>(text ? keyOf('/regions/search', query) : null, (signal) => api.get<SearchResult>('/regions/search', query, signal));
}
