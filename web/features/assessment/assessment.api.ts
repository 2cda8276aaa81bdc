import type { Opinion, OpinionInput, OpinionList, ReportSummary, Sample, SampleInput, SampleItem, SampleItemPatch, SampleList, SampleSummary } from '../../../src/modules/assessment/assessment.contract.ts';
import type { SEED_MAX as CONTRACT_SEED_MAX } from '../../../src/modules/assessment/assessment.contract.ts';
import { api, type Query } from '../../ui/api.ts';
import { keyOf, useApiMutation, useApiQuery } from '../../ui/useApi.ts';
import type { ScopeParams } from '../indicators/indicatorScope.ts';

export type { Opinion, OpinionInput, OpinionList, Sample, SampleInput, SampleItem, SampleItemPatch, SampleSummary };

/** The contract's largest seed (SEED_MAX), repeated so the bundle pulls in no zod; the type check keeps them equal. */
export const SEED_MAX: ContractSeedMax = 4294967295;

/** A new seed for a sample: a random 32-bit number (the checker may type another, or repeat an earlier draw with its seed). */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0];
}

/** GET /assessment/report: what the report of a scope and year holds, area by area, and how many opinions and samples it has. */
export type AssessmentReport = ReportSummary;
export type AssessmentArea = ReportSummary['areas'][number];

export type YearScope = ScopeParams & { year: number };

type ContractSeedMax = typeof CONTRACT_SEED_MAX;

const query = (q: YearScope) => q as unknown as Query;

export const REPORT_DOCX_PATH = '/assessment/report.docx';
export const sampleExportPath = (id: number) => `/assessment/samples/${id}/export.xlsx`;

export function useAssessmentReport(q: YearScope) {
  return useApiQuery<AssessmentReport>(keyOf('/assessment/report', q), (signal) => api.get<AssessmentReport>('/assessment/report', query(q), signal));
}

/** GET /assessment/opinions: the paired side's opinions, and the units that may give one. */
export function useOpinions(q: YearScope) {
  return useApiQuery<OpinionList>(keyOf('/assessment/opinions', q), (signal) => api.get<OpinionList>('/assessment/opinions', query(q), signal));
}

export function useAddOpinion() {
  return useApiMutation((body: OpinionInput) => api.post<Opinion>('/assessment/opinions', body));
}

/** GET /assessment/samples: the samples drawn for the scope and year, newest first. */
export function useSamples(q: YearScope) {
  return useApiQuery<SampleList>(keyOf('/assessment/samples', q), (signal) => api.get<SampleList>('/assessment/samples', query(q), signal));
}

export function useDrawSample() {
  return useApiMutation((body: SampleInput) => api.post<Sample>('/assessment/samples', body));
}

/** GET /assessment/samples/:id: the checklist (every drawn record) and the pools drawn from. */
export function useSample(id: number | null) {
  return useApiQuery<Sample>(id ? `/assessment/samples/${id}` : null, (signal) => api.get<Sample>(`/assessment/samples/${id}`, undefined, signal));
}

/** PATCH /assessment/samples/:id/items/:index: 核实 (verified) or 存疑, with a note. */
export function useCheckItem() {
  return useApiMutation((id: number, index: number, body: SampleItemPatch) => api.patch<unknown>(`/assessment/samples/${id}/items/${index}`, body));
}
