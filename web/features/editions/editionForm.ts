import dayjs, { type Dayjs } from 'dayjs';
import type { Edition, EditionInput, EditionPatch } from './editions.api.ts';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import type { FieldMapping } from '../../ui/errors.tsx';

/** The masthead most offices print; a different series is another title. */
export const DEFAULT_TITLE = '东西部协作工作简报';

export interface EditionValues {
  publisherOrgId: number | null;
  title: string;
  supplement: boolean;
  issuedOn: Dayjs | null;
  editor: string;
  issueNo: number | null;
  totalNo: number | null;
  period: [Dayjs | null, Dayjs | null] | null;
  pairingId: number | null;
  countyCode: string | null;
  withToc: boolean;
  distribution: { bao: string[]; song: string[]; fa: string[] };
  copies: number | null;
  /** 组稿: draft the items from the period's activities (new editions only). */
  compose: boolean;
}

/** API issue paths → form fields: the period's two ends are one range field. */
export const EDITION_FIELDS: FieldMapping = {
  fields: ['publisherOrgId', 'title', 'supplement', 'issuedOn', 'editor', 'issueNo', 'totalNo', 'period', 'pairingId', 'countyCode', 'withToc', 'distribution.bao', 'distribution.song', 'distribution.fa', 'copies'],
  rename: { periodFrom: 'period', periodTo: 'period' },
};

/** Last calendar month: what a monthly bulletin usually reports on. */
export function lastMonth(today = dayjs()): [Dayjs, Dayjs] {
  const start = today.subtract(1, 'month').startOf('month');
  return [start, start.endOf('month').startOf('day')];
}

export function thisMonth(today = dayjs()): [Dayjs, Dayjs] {
  return [today.startOf('month'), today.endOf('month').startOf('day')];
}

/** A new edition: today's date, last month, the user's own organisation as publisher and editor. */
export function newEditionValues(org: { id: number; name: string } | null): Partial<EditionValues> {
  return {
    publisherOrgId: org?.id ?? null,
    title: DEFAULT_TITLE,
    supplement: false,
    issuedOn: dayjs().startOf('day'),
    editor: org?.name ?? '',
    period: lastMonth(),
    withToc: false,
    distribution: { bao: [], song: [], fa: [] },
    compose: true,
  };
}

export function editionValues(e: Edition): Partial<EditionValues> {
  return {
    publisherOrgId: e.publisherOrgId, title: e.title, supplement: e.supplement, issuedOn: fromIsoDate(e.issuedOn), editor: e.editor, issueNo: e.issueNo, totalNo: e.totalNo,
    period: e.periodFrom || e.periodTo ? [fromIsoDate(e.periodFrom), fromIsoDate(e.periodTo)] : null,
    pairingId: e.pairingId, countyCode: e.countyCode, withToc: e.withToc, distribution: e.distribution, copies: e.copies, compose: false,
  };
}

const names = (list: string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);

/** The header fields both create and PATCH send; empty numbers are left to the server (the next free ones). */
function header(v: EditionValues) {
  return {
    title: v.title?.trim(), supplement: !!v.supplement, issuedOn: toIsoDate(v.issuedOn) ?? '', editor: v.editor?.trim(),
    periodFrom: toIsoDate(v.period?.[0]), periodTo: toIsoDate(v.period?.[1]), pairingId: v.pairingId ?? null, countyCode: v.countyCode ?? null, withToc: !!v.withToc,
    distribution: { bao: names(v.distribution?.bao), song: names(v.distribution?.song), fa: names(v.distribution?.fa) }, copies: v.copies ?? null,
  };
}

export function toEditionInput(v: EditionValues): EditionInput {
  return { ...header(v), publisherOrgId: v.publisherOrgId ?? 0, issueNo: v.issueNo ?? undefined, totalNo: v.totalNo ?? undefined, compose: !!v.compose, correctsId: null };
}

export function toEditionPatch(v: EditionValues): EditionPatch {
  return { ...header(v), ...(v.issueNo ? { issueNo: v.issueNo } : {}), ...(v.totalNo ? { totalNo: v.totalNo } : {}) };
}
