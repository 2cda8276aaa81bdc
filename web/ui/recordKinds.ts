import type { Page } from '../../src/platform/contract.ts';
import { api, type Query } from './api.ts';
import { keyOf, useApiMutation, useApiQuery } from './useApi.ts';

/** The requests every record-kind page (劳务协作, 产业合作) makes for one kind at `path`: the paged list, save (POST or PATCH), delete. */
export function useRecordList<R>(path: string, params: object) {
  return useApiQuery<Page<R>>(keyOf(path, params), (signal) => api.get<Page<R>>(path, params as Query, signal));
}

export function useSaveRecord<R>(path: string) {
  return useApiMutation((id: number | null, body: Record<string, unknown>) => (id ? api.patch<R>(`${path}/${id}`, body) : api.post<R>(path, body)));
}
export function useDeleteRecordAt(path: string) {
  return useApiMutation((id: number) => api.delete(`${path}/${id}`));
}

const text = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : null);
/** Empty text becomes null, so an optional field cleared in the form is cleared in the record. */
export const cleanText = <V extends Record<string, unknown>>(v: V, keys: (keyof V)[]) => ({ ...v, ...Object.fromEntries(keys.map((k) => [k, text(v[k])])) });
