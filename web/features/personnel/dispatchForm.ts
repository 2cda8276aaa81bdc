import type { Dayjs } from 'dayjs';
import type { Dispatch, DispatchCategory, DispatchInput, DispatchPatch, PersonInput } from '../../../src/modules/personnel/personnel.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import type { DispatchTeam, Programme, Sex } from './personnel.api.ts';

export interface DispatchFormValues {
  personMode: 'existing' | 'new';
  personId?: number | null;
  person?: { name?: string; sex?: Sex | null; originOrgId?: number | null; originUnit?: string | null; phone?: string | null };
  category: DispatchCategory;
  team?: DispatchTeam | null;
  programme: Programme;
  batch?: string | null;
  hostOrgId?: number | null;
  hostRegion?: string | null;
  post?: string | null;
  termStart: Dayjs | null;
  termEnd?: Dayjs | null;
  replacesId?: number | null;
  note?: string | null;
}

export const DISPATCH_FORM_FIELDS: FieldMapping = {
  fields: ['personId', 'person.name', 'person.sex', 'person.originOrgId', 'person.originUnit', 'person.phone', 'category', 'team', 'programme', 'batch', 'hostOrgId', 'hostRegion', 'post', 'termStart', 'termEnd', 'replacesId', 'note'],
};

export function dispatchFormValues(d: Dispatch | null): Partial<DispatchFormValues> {
  if (!d) return { personMode: 'existing', category: 'cadre', programme: 'dian' };
  return {
    personMode: 'existing', personId: d.personId, category: d.category, team: d.team, programme: d.programme, batch: d.batch, hostOrgId: d.hostOrgId, hostRegion: d.hostRegion,
    post: d.post, termStart: fromIsoDate(d.termStart), termEnd: fromIsoDate(d.termEnd), replacesId: d.replacesId, note: d.note,
  };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The dispatch fields (PATCH), without the person. */
export function toDispatchPatch(v: DispatchFormValues): DispatchPatch {
  return {
    category: v.category, team: v.team ?? null, programme: v.programme, batch: text(v.batch), hostOrgId: v.hostOrgId ?? null, hostRegion: v.hostRegion ?? null, post: text(v.post),
    termStart: toIsoDate(v.termStart) ?? '', termEnd: toIsoDate(v.termEnd), replacesId: v.replacesId ?? null, note: text(v.note),
  };
}

/** A new dispatch names an existing person (personId) or registers one with it (person). */
export function toDispatchInput(v: DispatchFormValues): DispatchInput {
  const p = v.person ?? {};
  const person: PersonInput = { name: p.name?.trim() ?? '', sex: p.sex ?? null, originOrgId: p.originOrgId ?? null, originUnit: text(p.originUnit), phone: text(p.phone) };
  const base = { ...toDispatchPatch(v), termStart: toIsoDate(v.termStart) ?? '', category: v.category, programme: v.programme, status: 'on_post' as const };
  return v.personMode === 'new' ? { ...base, person } : { ...base, personId: v.personId ?? undefined };
}
