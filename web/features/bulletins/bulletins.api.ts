import type { z } from 'zod';
import type { Page } from '../../../src/platform/contract.ts';
import type { AcceptInput, BulletinDetail, BulletinDocument, importOutcome } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type ImportOutcome = z.infer<typeof importOutcome>;

const TXT_TYPE = 'text/plain; charset=utf-8';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** What the file chooser offers. */
export const BULLETIN_ACCEPT = `.txt,.docx,text/plain,${DOCX_TYPE}`;

/** The Content-Type of a bulletin file by its extension, or null when it is neither .txt nor .docx. */
export function bulletinTypeOf(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.txt')) return TXT_TYPE;
  if (lower.endsWith('.docx')) return DOCX_TYPE;
  return null;
}

/** GET /bulletins/imports — the imported documents, newest first. */
export function useBulletinList(params: { page: number; pageSize: number }) {
  return useApiQuery<Page<BulletinDocument>>(keyOf('/bulletins/imports', params), (signal) => api.get<Page<BulletinDocument>>('/bulletins/imports', params, signal));
}

/** GET /bulletins/imports/:id — the document with its text and drafts. */
export function useBulletin(id: number | null) {
  return useApiQuery<BulletinDetail>(id ? keyOf(`/bulletins/imports/${id}`) : null, (signal) => api.get<BulletinDetail>(`/bulletins/imports/${id}`, undefined, signal));
}

/** POST /bulletins/imports?fileName= — the raw file; `created: false` when the same text was imported before. */
export const importBulletinFile = (file: File, type: string) => api.upload<ImportOutcome>('/bulletins/imports', file, type, { fileName: file.name });

export function useImportBulletin() {
  return useApiMutation(importBulletinFile);
}

/** POST /bulletins/drafts/:id/accept — a new activity from the item, or a link to one already recorded. */
export function useAcceptDraft() {
  return useApiMutation((id: number, body: AcceptInput) => api.post<BulletinDetail>(`/bulletins/drafts/${id}/accept`, body));
}

/** POST /bulletins/drafts/:id/reject */
export function useRejectDraft() {
  return useApiMutation((id: number, reason: string | null) => api.post<BulletinDetail>(`/bulletins/drafts/${id}/reject`, { reason }));
}
