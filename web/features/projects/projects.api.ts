import type { Page } from '../../../src/platform/contract.ts';
import type { Project, ProjectInput, ProjectListQuery, ProjectPatch, ProjectSummary, TransitionInput } from '../../../src/modules/projects/projects.contract.ts';
import type { FundInput, FundTransaction } from '../../../src/modules/funds/funds.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';

export type ProjectListParams = Partial<Omit<ProjectListQuery, 'overdue'>> & { overdue?: 'true' };
export { XLSX_TYPE, type ImportResult } from '../../ui/sheets.ts';

/** GET /projects — one page, server-side filters and sorting. */
export function useProjectList(params: ProjectListParams) {
  return useApiQuery<Page<ProjectSummary>>(keyOf('/projects', params), (signal) => api.get<Page<ProjectSummary>>('/projects', params as Query, signal));
}

/** GET /projects/:id — plan, money totals, history, what submission lacks, the steps the user may take. */
export function useProject(id: number | null) {
  return useApiQuery<Project>(id ? keyOf(`/projects/${id}`) : null, (signal) => api.get<Project>(`/projects/${id}`, undefined, signal));
}

/** POST /projects */
export function useCreateProject() {
  return useApiMutation((input: ProjectInput) => api.post<Project>('/projects', input));
}

/** PATCH /projects/:id (only in the reserve) */
export function useUpdateProject() {
  return useApiMutation((id: number, patch: ProjectPatch) => api.patch<Project>(`/projects/${id}`, patch));
}

/** POST /projects/:id/transitions */
export function useTransition() {
  return useApiMutation((id: number, input: TransitionInput) => api.post<Project>(`/projects/${id}/transitions`, input));
}

/** PATCH /projects/:id/milestones/:milestoneId {doneOn|null} */
export function useMilestoneDone() {
  return useApiMutation((id: number, milestoneId: number, doneOn: string | null) => api.patch<Project>(`/projects/${id}/milestones/${milestoneId}`, { doneOn }));
}

/** GET /projects/:id/funds */
export function useFunds(id: number) {
  return useApiQuery<FundTransaction[]>(keyOf(`/projects/${id}/funds`), (signal) => api.get<FundTransaction[]>(`/projects/${id}/funds`, undefined, signal));
}

/** POST /projects/:id/allocations (下达, fund:allocate) or POST /projects/:id/funds (拨付/支出/退回, fund:record). */
export function useAddFund() {
  return useApiMutation((id: number, input: FundInput) => {
    const { kind, ...rest } = input;
    return kind === 'allocate' ? api.post<FundTransaction>(`/projects/${id}/allocations`, rest) : api.post<FundTransaction>(`/projects/${id}/funds`, input);
  });
}

/** POST /fund-transactions/:id/cosign */
export function useCosign() {
  return useApiMutation((transactionId: number) => api.post<FundTransaction>(`/fund-transactions/${transactionId}/cosign`, {}));
}

