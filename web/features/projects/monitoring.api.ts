import type { Page } from '../../../src/platform/contract.ts';
import type { z } from 'zod';
import type { asset, assetInput, inspection, inspectionInput, progress, progressInput, rectification, rectificationClose, rectificationInput } from '../../../src/modules/monitoring/monitoring.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type Progress = z.infer<typeof progress>;
export type ProgressInput = z.infer<typeof progressInput>;
export type Inspection = z.infer<typeof inspection>;
export type InspectionInput = z.infer<typeof inspectionInput>;
export type Rectification = z.infer<typeof rectification>;
export type RectificationInput = z.infer<typeof rectificationInput>;
export type RectificationClose = z.infer<typeof rectificationClose>;
export type Asset = z.infer<typeof asset>;
export type AssetInput = z.infer<typeof assetInput>;

/** GET /projects/:id/{progress|inspections|assets} */
function useProjectRecords<T>(id: number, what: 'progress' | 'inspections' | 'assets') {
  return useApiQuery<T[]>(keyOf(`/projects/${id}/${what}`), (signal) => api.get<T[]>(`/projects/${id}/${what}`, undefined, signal));
}
export const useProgress = (id: number) => useProjectRecords<Progress>(id, 'progress');
export const useInspections = (id: number) => useProjectRecords<Inspection>(id, 'inspections');
export const useAssets = (id: number) => useProjectRecords<Asset>(id, 'assets');

/** GET /rectifications?projectId= — the project's rectifications, open ones first (a project has far fewer than a page). */
export function useProjectRectifications(projectId: number) {
  const query = { projectId, pageSize: 200 };
  return useApiQuery<Rectification[]>(keyOf('/rectifications', query), async (signal) => (await api.get<Page<Rectification>>('/rectifications', query, signal)).items);
}

/** POST /projects/:id/{progress|inspections|rectifications|assets} */
export function useAddRecord<I, R>(what: 'progress' | 'inspections' | 'rectifications' | 'assets') {
  return useApiMutation((id: number, input: I) => api.post<R>(`/projects/${id}/${what}`, input));
}

/** POST /rectifications/:id/close {closedOn, evidence} */
export function useCloseRectification() {
  return useApiMutation((id: number, input: RectificationClose) => api.post<Rectification>(`/rectifications/${id}/close`, input));
}
