import type { Page } from '../../../src/platform/contract.ts';
import type {
  Dispatch, DispatchCategory, DispatchInput, DispatchListQuery, DispatchPatch, DispatchStatus, Person, PersonnelSummary, DISPATCH_TEAMS, PROGRAMMES, SEXES,
} from '../../../src/modules/personnel/personnel.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';
import type { Choice } from '../../ui/RecordSelect.tsx';

export type Sex = keyof typeof SEXES;
export type DispatchTeam = keyof typeof DISPATCH_TEAMS;
export type Programme = keyof typeof PROGRAMMES;
const sexSet: Record<Sex, true> = { male: true, female: true };
const categorySet: Record<DispatchCategory, true> = { cadre: true, teacher: true, doctor: true, agri: true, other: true };
const teamSet: Record<DispatchTeam, true> = { education: true, medical: true };
const programmeSet: Record<Programme, true> = { dian: true, qing: true, jiang: true, zang: true, qian: true, sanxia: true, other: true };
const statusSet: Record<DispatchStatus, true> = { on_post: true, rotated: true, returned_early: true };
export const SEX_CODES = Object.keys(sexSet) as Sex[];
export const CATEGORY_CODES = Object.keys(categorySet) as DispatchCategory[];
export const TEAM_CODES = Object.keys(teamSet) as DispatchTeam[];
export const PROGRAMME_CODES = Object.keys(programmeSet) as Programme[];
export const DISPATCH_STATUS_CODES = Object.keys(statusSet) as DispatchStatus[];
export const DISPATCH_STATUS_COLORS: Record<DispatchStatus, string> = { on_post: 'green', rotated: 'default', returned_early: 'orange' };

export const sexLabel = (t: Translate, c: string) => label(t, 'sex', c);
export const categoryLabel = (t: Translate, c: string) => label(t, 'dispatchCategory', c);
export const teamLabel = (t: Translate, c: string) => label(t, 'dispatchTeam', c);
export const programmeLabel = (t: Translate, c: string) => label(t, 'programme', c);
export const dispatchStatusLabel = (t: Translate, c: string) => label(t, 'dispatchStatus', c);

export type DispatchListParams = Partial<DispatchListQuery>;

/** GET /dispatches — what the caller's scope shows (personal data as the API returns it). */
export function useDispatchList(params: DispatchListParams) {
  return useApiQuery<Page<Dispatch>>(keyOf('/dispatches', params), (signal) => api.get<Page<Dispatch>>('/dispatches', params as Query, signal));
}
export function useDispatch(id: number | null) {
  return useApiQuery<Dispatch>(id ? keyOf(`/dispatches/${id}`) : null, (signal) => api.get<Dispatch>(`/dispatches/${id}`, undefined, signal));
}
/** GET /personnel/summary?county=&year= — people on post during the year, by category and 组团式 team. */
export function usePersonnelSummary(year: number, county?: string) {
  const query = { year, county };
  return useApiQuery<PersonnelSummary>(keyOf('/personnel/summary', query), (signal) => api.get<PersonnelSummary>('/personnel/summary', query, signal));
}
export function useCreateDispatch() {
  return useApiMutation((input: DispatchInput) => api.post<Dispatch>('/dispatches', input));
}
export function useUpdateDispatch() {
  return useApiMutation((id: number, patch: DispatchPatch) => api.patch<Dispatch>(`/dispatches/${id}`, patch));
}
export function useDeleteDispatch() {
  return useApiMutation((id: number) => api.delete(`/dispatches/${id}`));
}

const personChoice = (p: Person): Choice => ({ id: p.id, label: p.name, hint: p.originOrgName ?? p.originUnit ?? undefined });
export const searchPersons = (text: string, signal: AbortSignal) => api.get<Page<Person>>('/persons', { q: text || undefined, pageSize: 30 }, signal).then((p) => p.items.map(personChoice));
export const resolvePerson = (id: number, signal: AbortSignal) => api.get<Person>(`/persons/${id}`, undefined, signal).then(personChoice, () => null);

export const dispatchChoice = (d: Dispatch): Choice => ({ id: d.id, label: `${d.personName} · ${d.hostOrgName ?? d.countyName ?? d.countyCode}`, hint: `${d.termStart} – ${d.actualEnd ?? d.termEnd}` });
export const searchDispatches = (text: string, signal: AbortSignal) =>
  api.get<Page<Dispatch>>('/dispatches', { q: text || undefined, pageSize: 30, order: 'desc' }, signal).then((p) => p.items.map(dispatchChoice));
export const resolveDispatch = (id: number, signal: AbortSignal) => api.get<Dispatch>(`/dispatches/${id}`, undefined, signal).then(dispatchChoice, () => null);
