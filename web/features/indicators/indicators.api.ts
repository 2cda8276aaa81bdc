import type {
  EvidencePage,
  Grid,
  IndicatorArea,
  IndicatorDefinitionOut,
  IndicatorReport,
  Ranking,
  ScopeChoices,
  ScopeKind,
  Series,
  TenHave,
  Warnings,
} from '../../../src/modules/indicators/indicators.contract.ts';
import { api } from '../../ui/api.ts';
import { keyOf, useApiQuery } from '../../ui/useApi.ts';
import type { PeriodParams, ScopeParams } from './indicatorScope.ts';

export type { EvidencePage, Grid, IndicatorDefinitionOut, IndicatorReport, Ranking, ScopeChoices, Series, Warnings };
export type IndicatorValue = IndicatorReport['items'][number];
export type EvidenceRow = EvidencePage['items'][number];
export type GridRow = Grid['items'][number];
export type WarningItem = Warnings['items'][number];
export type RankingItem = Ranking['items'][number];

/** The contract's codes, listed here so the bundle carries no zod; `Record<Code, true>` fails to compile when the backend changes them. */
const areaSet: Record<IndicatorArea, true> = { leadership: true, talent: true, funds: true, industry: true, labor: true, hand_in_hand: true, consumption: true };
const tenHaveSet: Record<TenHave, true> = { agreement: true, plan: true, funds: true, projects: true, cadres: true, talent: true, visits: true, meetings: true, measures: true, results: true };
const scopeKindSet: Record<ScopeKind, true> = { city: true, district: true, pairing: true, region: true };
export const AREA_CODES = Object.keys(areaSet) as IndicatorArea[];
export const TEN_HAVE_CODES = Object.keys(tenHaveSet) as TenHave[];
export const SCOPE_KIND_CODES = Object.keys(scopeKindSet) as ScopeKind[];
export type { IndicatorArea, TenHave, ScopeKind };

type Q = ScopeParams & PeriodParams;

const get = <T>(path: string, query: object) => {
  const key = keyOf(path, query);
  return { key, fetch: (signal: AbortSignal) => api.get<T>(path, query as Record<string, string | number | undefined>, signal) };
};

/** GET /indicators: every indicator's definition (name, unit, area, what it counts). */
export function useIndicatorDefinitions() {
  return useApiQuery<IndicatorDefinitionOut[]>('/indicators', (signal) => api.get<IndicatorDefinitionOut[]>('/indicators', undefined, signal));
}

/** GET /indicators/scopes: the scopes the caller may choose, their own first. */
export function useScopeChoices() {
  return useApiQuery<ScopeChoices>('/indicators/scopes', (signal) => api.get<ScopeChoices>('/indicators/scopes', undefined, signal));
}

/** GET /indicators/values: every figure for the scope and period, with 同期, 同比, the reported figure and the target. */
export function useIndicatorValues(q: Q | null) {
  const r = get<IndicatorReport>('/indicators/values', q ?? {});
  return useApiQuery<IndicatorReport>(q ? r.key : null, r.fetch);
}

export interface EvidenceParams extends Q {
  page: number;
  pageSize: number;
  part?: string;
}

/** GET /indicators/:code/evidence: the records behind a figure, a page at a time, with the sums over all pages. */
export function useEvidence(code: string, q: EvidenceParams) {
  const r = get<EvidencePage>(`/indicators/${encodeURIComponent(code)}/evidence`, q);
  return useApiQuery<EvidencePage>(r.key, r.fetch);
}

export const evidenceExportPath = (code: string) => `/indicators/${encodeURIComponent(code)}/evidence/export`;
export const GRID_EXPORT_PATH = '/indicators/grid/export';

/** GET /indicators/ranking?by=district|county&indicator= */
export function useRanking(q: Q & { by: 'district' | 'county'; indicator: string }) {
  const r = get<Ranking>('/indicators/ranking', q);
  return useApiQuery<Ranking>(r.key, r.fetch);
}

/** GET /indicators/series?codes=a,b&from=: the figures of several years, one line per code. */
export function useSeries(q: Q & { codes: string; from: number }) {
  const r = get<Series>('/indicators/series', q);
  return useApiQuery<Series>(q.codes ? r.key : null, r.fetch);
}

/** GET /indicators/grid: 十有 per pairing, a page at a time. */
export function useGrid(q: Q & { page: number; pageSize: number }) {
  const r = get<Grid>('/indicators/grid', q);
  return useApiQuery<Grid>(r.key, r.fetch);
}

/** GET /indicators/warnings: what is behind its target. */
export function useWarnings(q: Q) {
  const r = get<Warnings>('/indicators/warnings', q);
  return useApiQuery<Warnings>(r.key, r.fetch);
}
