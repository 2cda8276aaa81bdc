import type { Page } from '../../../src/platform/contract.ts';
import type { Summary, TargetGroup, Training, TrainingInput, TrainingListQuery, TrainingPatch, TRAINING_KINDS } from '../../../src/modules/training/training.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';
import { filterChoices, type Choice } from '../../ui/RecordSelect.tsx';

export type TrainingKind = keyof typeof TRAINING_KINDS;
const kindSet: Record<TrainingKind, true> = { training: true, shadowing: true };
const groupSet: Record<TargetGroup, true> = { officials: true, teachers: true, doctors: true, rural_leaders: true, skilled_workers: true, technicians: true, other: true };
export const TRAINING_KIND_CODES = Object.keys(kindSet) as TrainingKind[];
export const TARGET_GROUP_CODES = Object.keys(groupSet) as TargetGroup[];
export const trainingKindLabel = (t: Translate, code: string) => label(t, 'trainingKind', code);
export const targetGroupLabel = (t: Translate, code: string) => label(t, 'targetGroup', code);

export type TrainingListParams = Partial<TrainingListQuery>;

/** GET /trainings */
export function useTrainingList(params: TrainingListParams) {
  return useApiQuery<Page<Training>>(keyOf('/trainings', params), (signal) => api.get<Page<Training>>('/trainings', params as Query, signal));
}

/** GET /trainings/:id */
export function useTraining(id: number | null) {
  return useApiQuery<Training>(id ? keyOf(`/trainings/${id}`) : null, (signal) => api.get<Training>(`/trainings/${id}`, undefined, signal));
}

/** GET /trainings/summary?year=&county= — 批次, 人次, the year before and the change (computed by the API). */
export function useTrainingSummary(year: number, county?: string) {
  const query = { year, county };
  return useApiQuery<Summary>(keyOf('/trainings/summary', query), (signal) => api.get<Summary>('/trainings/summary', query, signal));
}

export function useCreateTraining() {
  return useApiMutation((input: TrainingInput) => api.post<Training>('/trainings', input));
}
export function useUpdateTraining() {
  return useApiMutation((id: number, patch: TrainingPatch) => api.patch<Training>(`/trainings/${id}`, patch));
}
export function useDeleteTraining() {
  return useApiMutation((id: number) => api.delete(`/trainings/${id}`));
}

export const trainingChoice = (x: Training): Choice => ({ id: x.id, label: x.title, hint: `${x.startDate} · ${x.personTimes}` });

/** The trainings of a pairing (or the latest ones), filtered by the text; a number also finds the training with that id. */
export async function searchTrainings(text: string, pairing: number | null | undefined, signal: AbortSignal): Promise<Choice[]> {
  const page = await api.get<Page<Training>>('/trainings', { pairing: pairing ?? undefined, pageSize: 100 }, signal);
  const choices = filterChoices(page.items.map(trainingChoice), text);
  if (!/^\d+$/.test(text) || choices.some((c) => String(c.id) === text)) return choices;
  const byId = await api.get<Training>(`/trainings/${text}`, undefined, signal).catch(() => null);
  return byId ? [trainingChoice(byId), ...choices] : choices;
}
