import type { Page } from '../../../src/platform/contract.ts';
import type { Entry, EntryInput, EntryKind, EntryListQuery, EntryPatch } from '../../../src/modules/indicators/indicators.entries.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type { Entry, EntryInput, EntryKind, EntryPatch };

/** The two record kinds of entered figures (codes type-checked against the contract) and their API paths. */
const entryKindSet: Record<EntryKind, true> = { target: true, reported: true };
export const ENTRY_KIND_CODES = Object.keys(entryKindSet) as EntryKind[];
export const ENTRY_PATHS: Record<EntryKind, string> = { target: '/indicator-targets', reported: '/reported-figures' };
/** The stems of the server's file names (考核目标导入模板.xlsx, 填报数据.xlsx). */
export const ENTRY_FILE_STEMS: Record<EntryKind, string> = { target: '考核目标', reported: '填报数据' };

export type EntryListParams = Partial<EntryListQuery>;

/** GET /indicator-targets or /reported-figures: a page of entries, filtered by indicator, year and scope kind. */
export function useEntryList(kind: EntryKind, params: EntryListParams) {
  const path = ENTRY_PATHS[kind];
  return useApiQuery<Page<Entry>>(keyOf(path, params), (signal) => api.get<Page<Entry>>(path, params as Query, signal));
}

/** POST (new) or PATCH (existing) an entry. */
export function useSaveEntry(kind: EntryKind) {
  const path = ENTRY_PATHS[kind];
  return useApiMutation((id: number | null, body: EntryInput | EntryPatch) => (id ? api.patch<Entry>(`${path}/${id}`, body) : api.post<Entry>(path, body)));
}

export function useDeleteEntry(kind: EntryKind) {
  const path = ENTRY_PATHS[kind];
  return useApiMutation((id: number) => api.delete(`${path}/${id}`));
}
