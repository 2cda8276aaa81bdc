import type { Page } from '../../../src/platform/contract.ts';
import type { CandidateItem, Edition, EditionInput, EditionListQuery, EditionPatch, EditionSummary, ItemInput } from '../../../src/modules/editions/editions.contract.ts';
import { API_BASE, api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type { CandidateItem, Edition, EditionInput, EditionPatch, EditionSummary, ItemInput };
export type EditionListParams = Partial<EditionListQuery>;
const P = '/bulletin-editions';

/** GET /bulletin-editions — one page of editions, newest first. */
export function useEditionList(params: EditionListParams) {
  return useApiQuery<Page<EditionSummary>>(keyOf(P, params), (signal) => api.get<Page<EditionSummary>>(P, params, signal));
}

/** GET /bulletin-editions/:id — the edition with its items. */
export function useEdition(id: number | null) {
  return useApiQuery<Edition>(id ? keyOf(`${P}/${id}`) : null, (signal) => api.get<Edition>(`${P}/${id}`, undefined, signal));
}

export interface SeriesQuery {
  publisher: number;
  title: string;
  supplement: boolean;
  year: number;
}
/** GET /bulletin-editions/next-numbers — the next free 期号 and 总期号 of a publisher's series (null = do not ask). */
export function useNextNumbers(s: SeriesQuery | null) {
  return useApiQuery<{ issueNo: number; totalNo: number }>(s ? keyOf(`${P}/next-numbers`, s) : null, (signal) => api.get(`${P}/next-numbers`, { ...s }, signal));
}

export interface CandidateFilter {
  from: string;
  to: string;
  publisher?: number;
  pairing?: number | null;
  county?: string | null;
}
/** GET /bulletin-editions/candidates — items drafted from the period's recorded activities (null = do not ask). */
export function useCandidates(f: CandidateFilter | null) {
  return useApiQuery<CandidateItem[]>(f ? keyOf(`${P}/candidates`, f) : null, (signal) => api.get<CandidateItem[]>(`${P}/candidates`, { ...f }, signal));
}

/** POST /bulletin-editions — compose=true drafts the items from the period's activities. */
export function useCreateEdition() {
  return useApiMutation((input: EditionInput) => api.post<Edition>(P, input));
}

/** PATCH /bulletin-editions/:id — header fields (draft only). */
export function useUpdateEdition() {
  return useApiMutation((id: number, patch: EditionPatch) => api.patch<Edition>(`${P}/${id}`, patch));
}

/** PUT /bulletin-editions/:id/items — the whole list in its new order (draft only). */
export function useSaveItems() {
  return useApiMutation((id: number, items: ItemInput[]) => api.put<Edition>(`${P}/${id}/items`, { items }));
}

/** DELETE /bulletin-editions/:id (draft only). */
export function useDeleteEdition() {
  return useApiMutation((id: number) => api.delete(`${P}/${id}`));
}

export type EditionStep = 'submit' | 'return' | 'issue';
/** POST /bulletin-editions/:id/{submit|return|issue} — 送审, 退回 (with a reason), 印发. */
export function useEditionStep() {
  return useApiMutation((id: number, step: EditionStep, reason?: string) => api.post<Edition>(`${P}/${id}/${step}`, step === 'return' ? { reason } : undefined));
}

/** The printable page, also shown in the preview frame. */
export const editionHtmlUrl = (id: number) => `${API_BASE}${P}/${id}/html`;
export const editionFilePath = (id: number, ext: 'docx' | 'pdf') => `${P}/${id}/${ext}`;
