import type { Page } from '../../../src/platform/contract.ts';
import type { Activity, ActivityInput, ActivityListQuery, ActivityPatch } from '../../../src/modules/activities/activities.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import type { Choice } from '../../ui/RecordSelect.tsx';

export type ActivityListParams = Partial<ActivityListQuery>;

/** GET /activities — newest first; with `pairing` it is that pairing's timeline. */
export function useActivityList(params: ActivityListParams | null) {
  return useApiQuery<Page<Activity>>(params ? keyOf('/activities', params) : null, (signal) => api.get<Page<Activity>>('/activities', params as Query, signal));
}

/** GET /activities/:id */
export function useActivity(id: number | null) {
  return useApiQuery<Activity>(id ? keyOf(`/activities/${id}`) : null, (signal) => api.get<Activity>(`/activities/${id}`, undefined, signal));
}

/** POST /activities */
export function useCreateActivity() {
  return useApiMutation((input: ActivityInput) => api.post<Activity>('/activities', input));
}

/** PATCH /activities/:id */
export function useUpdateActivity() {
  return useApiMutation((id: number, patch: ActivityPatch) => api.patch<Activity>(`/activities/${id}`, patch));
}

/** DELETE /activities/:id */
export function useDeleteActivity() {
  return useApiMutation((id: number) => api.delete(`/activities/${id}`));
}

/** An activity as a pickable record. */
export const activityChoice = (a: Activity): Choice => ({ id: a.id, label: a.title, hint: a.startDate });

/** Activities whose title matches (of the pairing, when given); a number also finds the activity with that id. */
export async function searchActivities(text: string, pairing: number | null | undefined, signal: AbortSignal): Promise<Choice[]> {
  const id = /^\d+$/.test(text) ? text : null;
  const page = await api.get<Page<Activity>>('/activities', { q: id ? undefined : text || undefined, pairing: pairing ?? undefined, pageSize: 30 }, signal);
  const byId = id ? await api.get<Activity>(`/activities/${id}`, undefined, signal).catch(() => null) : null;
  return [...(byId ? [activityChoice(byId)] : []), ...page.items.filter((a) => a.id !== byId?.id).map(activityChoice)];
}
