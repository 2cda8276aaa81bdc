import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import * as repo from './indicators.repository.ts';
import { BY_CODE, INDICATORS, MEASURES, RECORD_KINDS, STOCK_MEASURES, UNITS, measuresOf, type IndicatorDef, type Measure, type RecordKind } from './indicators.definitions.ts';
import { coverageCounts, coverageUnits } from './indicators.coverage.ts';
import { periodOf, resolveScope, windowsOf } from './indicators.scope.ts';
import { withOverlays } from './indicators.overlays.ts';
import type { CoverageLevel } from './indicators.repository.ts';
import type { EvidencePage, EvidenceRow, IndicatorDefinitionOut, IndicatorReport, IndicatorValue, Ranking, ScopeQuery, Series } from './indicators.contract.ts';

export { periodOf, resolveScope, scopeChoices } from './indicators.scope.ts';

/** The clock, replaceable in tests (a stock is read at the current month within the current period). */
export const clock = { today: () => new Date() };

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const shown = (def: IndicatorDef, raw: number) => round(raw / UNITS[def.unit].divisor, 6);
const percent = (num: number, den: number) => (den === 0 ? null : round((num / den) * 100, 2));
const change = (cur: number | null, prev: number | null) => (cur === null || prev === null || prev === 0 ? null : round(((cur - prev) / Math.abs(prev)) * 100, 1));

export function definition(def: IndicatorDef): IndicatorDefinitionOut {
  const parts = def.kind === 'ratio' ? [def.numerator, def.denominator] : def.kind === 'coverage' ? [def.measure] : def.measures;
  return { code: def.code, name: def.name, unit: UNITS[def.unit].label, area: def.area, kind: def.kind, description: def.description, parts, yoy: def.unit === 'percent' ? 'points' : 'percent' };
}

export const definitions = () => INDICATORS.map(definition);

function defOf(code: string): IndicatorDef {
  const def = BY_CODE.get(code);
  if (!def) throw notFound('指标', code);
  return def;
}

const split = (measures: Measure[]) => ({ flows: measures.filter((m) => !STOCK_MEASURES.has(m)), stocks: measures.filter((m) => STOCK_MEASURES.has(m)) });
const coverageLevel = (m: string) => m.replace('coverage.', '') as CoverageLevel;

/** Every indicator (or those named) for a scope and period, with the same period a year earlier: one query over the cells. */
export async function computeIndicators(q: Queryable, ctx: RequestContext, query: ScopeQuery, codes?: string[]): Promise<IndicatorReport> {
  const defs = codes ? codes.map((c) => BY_CODE.get(c) ?? (() => { throw invalidField('codes', `未知的指标代码「${c}」`); })()) : [...INDICATORS];
  const scope = await resolveScope(q, ctx, query);
  const period = periodOf(query);
  const { cur, prev } = windowsOf(period, clock.today());
  const { flows, stocks } = split(measuresOf(defs));
  const totals = flows.length + stocks.length ? await repo.cellTotals(q, scope.cells, flows, stocks, [cur, prev]) : new Map<string, number[]>();
  const raw = (def: IndicatorDef, i: number): number => (def.kind === 'sum' || def.kind === 'stock' ? def.measures.reduce((s, m) => s + (totals.get(m)?.[i] ?? 0), 0) : 0);

  const coverage = new Map<string, [number | null, number | null]>();
  for (const def of defs) {
    if (def.kind !== 'coverage') continue;
    const [now, before] = [await coverageCounts(q, scope, coverageLevel(def.measure), period.year), await coverageCounts(q, scope, coverageLevel(def.measure), period.year - 1)];
    coverage.set(def.code, [percent(now.paired, now.total), percent(before.paired, before.total)]);
  }

  const valueOf = (def: IndicatorDef, i: number): { value: number | null; raw: number | null } => {
    if (def.kind === 'coverage') return { value: coverage.get(def.code)![i], raw: null };
    if (def.kind === 'ratio') {
      const [n, d] = [BY_CODE.get(def.numerator)!, BY_CODE.get(def.denominator)!];
      return { value: percent(raw(n, i), raw(d, i)), raw: null };
    }
    const r = raw(def, i);
    return { value: shown(def, r), raw: r };
  };
  const items: IndicatorValue[] = defs.map((def) => {
    const now = valueOf(def, 0);
    const before = valueOf(def, 1);
    const points = def.unit === 'percent';
    const yoy = points ? (now.value === null || before.value === null ? null : round(now.value - before.value, 2)) : change(now.value, before.value);
    return { code: def.code, name: def.name, unit: UNITS[def.unit].label, area: def.area, value: now.value, raw: now.raw, previous: before.value, yoy, yoyKind: points ? 'points' : 'percent', evidence: true, reported: null, target: null };
  });
  return { scope: scope.info, period, items: await withOverlays(q, scope.info, period, items, clock.today()) };
}

/** The measures of an indicator by the part (the indicator) they count in: a ratio has two. */
function partsOf(def: IndicatorDef): { part: IndicatorDef; measures: Measure[] }[] {
  if (def.kind === 'ratio') return [def.numerator, def.denominator].map((c) => ({ part: BY_CODE.get(c)!, measures: measuresOf([BY_CODE.get(c)!]) }));
  if (def.kind === 'coverage') return [];
  return [{ part: def, measures: def.measures }];
}

/** The records behind one indicator, with the value each contributes, and the totals over all of them. */
export async function evidenceRows(q: Queryable, ctx: RequestContext, code: string, query: ScopeQuery & { part?: string }, page: { limit: number; offset: number }): Promise<{ rows: EvidenceRow[]; total: number; sums: Record<string, number> }> {
  const def = defOf(code);
  const scope = await resolveScope(q, ctx, query);
  const period = periodOf(query);
  if (def.kind === 'coverage') return coverageEvidence(q, scope, def, period.year, page);
  const { cur } = windowsOf(period, clock.today());
  const parts = partsOf(def).filter((p) => !query.part || p.part.code === query.part);
  if (query.part && parts.length === 0) throw invalidField('part', `「${def.name}」没有名为「${query.part}」的组成部分`);
  const partOf = new Map<string, IndicatorDef>(parts.flatMap((p) => p.measures.map((m) => [m, p.part] as const)));
  const { rows, totals } = await repo.facts(q, scope.cells, [...partOf.keys()], STOCK_MEASURES as Set<string>, cur, page);

  const byKind = new Map<string, number[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.record_id]);
  const labels = new Map<string, Awaited<ReturnType<typeof repo.labels>>>();
  for (const [kind, ids] of byKind) labels.set(kind, await repo.labels(q, kind, ids));
  const places = await repo.regionNames(q, [...new Set(rows.map((r) => r.place).filter(Boolean))]);
  const orgs = await repo.orgNames(q, [...new Set(rows.map((r) => r.east_org_id).filter((id) => id > 0))]);

  const out: EvidenceRow[] = rows.map((r) => {
    const part = partOf.get(r.measure)!;
    const l = labels.get(r.kind)?.get(r.record_id);
    return {
      kind: r.kind,
      kindLabel: RECORD_KINDS[r.kind as RecordKind] ?? r.kind,
      id: r.record_id,
      label: l?.label ?? `${RECORD_KINDS[r.kind as RecordKind] ?? r.kind}`,
      date: l?.date ?? r.month,
      place: r.place || null,
      placeName: r.place ? places.get(r.place) ?? null : null,
      orgName: (r.east_org_id > 0 ? orgs.get(r.east_org_id) : null) ?? l?.org ?? null,
      part: part.code,
      ...(l?.parent ? { parent: l.parent } : {}),
      measure: MEASURES[r.measure as Measure]?.counts,
      value: shown(part, r.value),
      raw: r.value,
    };
  });
  const sums: Record<string, number> = {};
  let total = 0;
  for (const p of parts) {
    sums[p.part.code] = p.measures.reduce((s, m) => s + (totals.get(m)?.total ?? 0), 0);
    total += p.measures.reduce((s, m) => s + (totals.get(m)?.n ?? 0), 0);
  }
  return { rows: out, total, sums };
}

/** 结对覆盖's evidence: each unit paired, with the pairing that reaches it (value 1 each). */
async function coverageEvidence(q: Queryable, scope: Awaited<ReturnType<typeof resolveScope>>, def: Extract<IndicatorDef, { kind: 'coverage' }>, year: number, page: { limit: number; offset: number }) {
  const units = await coverageUnits(q, scope, coverageLevel(def.measure), year);
  const paired = units.filter((u) => u.pairingId !== null);
  const names = await repo.regionNames(q, paired.slice(page.offset, page.offset + page.limit).map((u) => u.code));
  const rows: EvidenceRow[] = paired.slice(page.offset, page.offset + page.limit).map((u) => ({
    kind: 'pairing', kindLabel: RECORD_KINDS.pairing, id: u.pairingId!, label: `${u.eastName} 结对 ${u.name}`, date: null,
    place: u.code, placeName: names.get(u.code) ?? u.name, orgName: u.eastName, part: def.code, value: 1, raw: 1,
  }));
  return { rows, total: paired.length, sums: { [def.code]: paired.length, [`${def.code}_units`]: units.length } };
}

export async function indicatorEvidence(q: Queryable, ctx: RequestContext, code: string, query: ScopeQuery & { page: number; pageSize: number }): Promise<EvidencePage> {
  const def = defOf(code);
  const { rows, total, sums } = await evidenceRows(q, ctx, code, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const scope = await resolveScope(q, ctx, query);
  return { indicator: definition(def), scope: scope.info, period: periodOf(query), items: rows, total, page: query.page, pageSize: query.pageSize, sums };
}

/** Districts or counties ranked by one indicator (sums, stocks and ratios; coverage is per place). */
export async function ranking(q: Queryable, ctx: RequestContext, query: ScopeQuery & { by: repo.Group; indicator: string }): Promise<Ranking> {
  const def = defOf(query.indicator);
  if (def.kind === 'coverage') throw invalidField('indicator', '结对覆盖率按地区查看，不参与排名');
  const scope = await resolveScope(q, ctx, query);
  const period = periodOf(query);
  const { cur } = windowsOf(period, clock.today());
  const { flows, stocks } = split(measuresOf([def]));
  const rows = await repo.groupedTotals(q, scope.cells, query.by, flows, stocks, cur);
  const groups = new Map<string, { id: number | null; code: string | null; name: string; m: Map<string, number> }>();
  for (const r of rows) {
    const key = String(r.id ?? r.code);
    const g = groups.get(key) ?? { id: r.id, code: r.code, name: r.name, m: new Map() };
    g.m.set(r.measure, (g.m.get(r.measure) ?? 0) + r.total);
    groups.set(key, g);
  }
  const rawOf = (d: IndicatorDef, m: Map<string, number>) => (d.kind === 'sum' || d.kind === 'stock' ? d.measures.reduce((s, x) => s + (m.get(x) ?? 0), 0) : 0);
  const items = [...groups.values()].map((g) => {
    if (def.kind === 'ratio') return { id: g.id, code: g.code, name: g.name, value: percent(rawOf(BY_CODE.get(def.numerator)!, g.m), rawOf(BY_CODE.get(def.denominator)!, g.m)), raw: null };
    const r = rawOf(def, g.m);
    return { id: g.id, code: g.code, name: g.name, value: shown(def, r), raw: r };
  });
  items.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  return { indicator: definition(def), period, items };
}

/** Figures per year (flows in the year, stocks at its end) for the charts by year. */
export async function series(q: Queryable, ctx: RequestContext, query: ScopeQuery & { codes: string; from?: number }): Promise<Series> {
  const codes = query.codes.split(',').map((c) => c.trim()).filter(Boolean);
  const defs = codes.map((c) => BY_CODE.get(c) ?? (() => { throw invalidField('codes', `未知的指标代码「${c}」`); })());
  const from = query.from ?? query.year - 4;
  if (from > query.year || query.year - from > 20) throw invalidField('from', '起始年度应不晚于 year，且跨度不超过 20 年');
  const scope = await resolveScope(q, ctx, query);
  const { cur } = windowsOf(periodOf({ year: query.year }), clock.today());
  const { flows, stocks } = split(measuresOf(defs.filter((d) => d.kind !== 'coverage')));
  const rows = flows.length + stocks.length ? await repo.yearlyTotals(q, scope.cells, flows, stocks, from, query.year, cur.at) : [];
  const years = Array.from({ length: query.year - from + 1 }, (_, i) => from + i);
  const at = (y: number, m: string) => rows.filter((r) => r.year === y && r.measure === m).reduce((s, r) => s + r.total, 0);
  const rawOf = (d: IndicatorDef, y: number) => (d.kind === 'sum' || d.kind === 'stock' ? d.measures.reduce((s, m) => s + at(y, m), 0) : 0);
  const items = [];
  for (const def of defs) {
    const values: (number | null)[] = [];
    for (const y of years) {
      if (def.kind === 'coverage') {
        const c = await coverageCounts(q, scope, coverageLevel(def.measure), y);
        values.push(percent(c.paired, c.total));
      } else if (def.kind === 'ratio') values.push(percent(rawOf(BY_CODE.get(def.numerator)!, y), rawOf(BY_CODE.get(def.denominator)!, y)));
      else values.push(shown(def, rawOf(def, y)));
    }
    items.push({ code: def.code, name: def.name, unit: UNITS[def.unit].label, values });
  }
  return { years, items };
}
