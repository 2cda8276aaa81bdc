import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { BY_CODE } from '../indicators/indicators.definitions.ts';
import { clock, computeIndicators, evidenceRows } from '../indicators/indicators.service.ts';
import { tenHaves } from '../indicators/indicators.grid.ts';
import { INDICATOR_AREAS, TEN_HAVES, type IndicatorArea, type IndicatorValue, type TenHave } from '../indicators/indicators.contract.ts';
import { chineseNumber, dateLabel } from '../editions/editions.layout.ts';
import * as repo from './assessment.repository.ts';
import { storedOf, type ScopeFields } from './assessment.scope.ts';
import { areaProse } from './assessment.report.prose.ts';
import { figure, hasRecords, yoyText } from './assessment.figures.ts';
import type { ReportSummary, YearScopeQuery } from './assessment.contract.ts';

/** What the report prints, in order; the DOCX renderer draws these blocks (as editions draw their Layout). */
export type ReportBlock =
  | { kind: 'heading' | 'subheading' | 'paragraph' | 'note' | 'appendix'; text: string }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths: number[]; /** Text columns, set flush left (the rest centred). */ left?: number[] }
  | { kind: 'chart'; title: string; categories: string[]; series: { name: string; values: number[] }[] };
export interface ReportModel {
  title: string;
  fileName: string;
  blocks: ReportBlock[];
}

/** Evidence rows per indicator in the appendix; the rest are in the system. */
export const APPENDIX_ROWS = 20;
/** Pairings in the 十有 table. */
export const GRID_ROWS = 100;

const AREAS = Object.keys(INDICATOR_AREAS) as IndicatorArea[];
const DASH = '—';
const fieldsOf = (x: ScopeFields): ScopeFields => ({ district: x.district, pairing: x.pairing, region: x.region });
const p = (text: string): ReportBlock => ({ kind: 'paragraph', text });

function areaTable(items: IndicatorValue[]): ReportBlock[] {
  const rows = items.map((i) => [
    i.name, i.value === null ? DASH : figure(i.value), i.unit, i.target ? figure(i.target.value) : DASH, i.target?.progress != null ? `${figure(i.target.progress)}%` : DASH,
    i.reported ? `${figure(i.reported.value)}${i.reported.differs ? '*' : ''}` : DASH, yoyText(i)?.replace('同比', '') ?? DASH,
  ]);
  const out: ReportBlock[] = [{ kind: 'table', headers: ['指标', '数值', '单位', '目标', '完成率', '填报数', '同比'], rows, widths: [30, 12, 8, 12, 10, 12, 16] }];
  if (items.some((i) => i.reported?.differs)) out.push({ kind: 'note', text: '注：标 * 的填报数与系统根据记录计算的数值不一致。' });
  return out;
}

/**
 * The area's figures against last year's as a bar chart: the indicators with records that share the
 * area's commonest unit (bars of 万元 and of 人 on one axis would mislead); rates are left to the table.
 */
export function areaChart(year: number, items: IndicatorValue[]): ReportBlock | null {
  const drawn = items.filter((i) => hasRecords(i) && BY_CODE.get(i.code)?.unit !== 'percent');
  const counts = new Map<string, number>();
  for (const i of drawn) counts.set(i.unit, (counts.get(i.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (unit === undefined) return null;
  const shown = drawn.filter((i) => i.unit === unit);
  return {
    kind: 'chart',
    title: `${INDICATOR_AREAS[shown[0].area]}主要指标（${unit}）`,
    categories: shown.map((i) => i.name),
    series: [
      { name: `${year - 1}年`, values: shown.map((i) => i.previous ?? 0) },
      { name: `${year}年`, values: shown.map((i) => i.value ?? 0) },
    ],
  };
}

async function gridBlocks(q: Queryable, ctx: RequestContext, query: YearScopeQuery): Promise<ReportBlock[]> {
  const grid = await tenHaves(q, ctx, { ...fieldsOf(query), year: query.year, page: 1, pageSize: 100_000 });
  if (grid.total === 0) return [p('本年度范围内没有在协作的结对关系。')];
  const haves = Object.keys(TEN_HAVES) as TenHave[];
  const full = grid.items.filter((r) => r.count === haves.length).length;
  const out: ReportBlock[] = [
    p(`全年在协作的结对关系${grid.total}个，其中“十有”全部达到的${full}个，各结对关系的达到情况如下表（✓ 为有记录）。`),
    {
      kind: 'table',
      headers: ['结对关系', ...haves.map((h) => TEN_HAVES[h].replace(/^有/, '')), '项数'],
      rows: grid.items.slice(0, GRID_ROWS).map((r) => [`${r.eastOrgName} — ${r.westOrgName}`, ...haves.map((h) => (r.cells[h].have ? '✓' : '✗')), String(r.count)]),
      widths: [28, ...haves.map(() => 6.5), 7],
    },
  ];
  if (grid.total > GRID_ROWS) out.push({ kind: 'note', text: `另有${grid.total - GRID_ROWS}个结对关系，见系统。` });
  return out;
}

async function appendixBlocks(q: Queryable, ctx: RequestContext, query: YearScopeQuery, items: IndicatorValue[]): Promise<ReportBlock[]> {
  const out: ReportBlock[] = [{ kind: 'appendix', text: '附件：佐证记录清单' }, p('比率类指标（资金支出进度、项目开工率等）的佐证记录见其分子、分母指标。')];
  const shown = items.filter((i) => hasRecords(i) && BY_CODE.get(i.code)?.kind !== 'ratio');
  if (shown.length === 0) out.push(p('本年度尚无佐证记录。'));
  let n = 0;
  for (const i of shown) {
    const { rows, total } = await evidenceRows(q, ctx, i.code, { ...fieldsOf(query), year: query.year }, { limit: APPENDIX_ROWS, offset: 0 });
    out.push({ kind: 'subheading', text: `（${chineseNumber(++n)}）${i.name}：${figure(i.value ?? 0)}${i.unit}，共${total}条记录` });
    out.push({
      kind: 'table', headers: ['记录类型', '记录', '日期', '地点', '单位', '计入数值'], widths: [14, 34, 12, 14, 16, 10], left: [1, 3, 4],
      rows: rows.map((r) => [r.kindLabel, r.label, r.date ?? DASH, r.placeName ?? DASH, r.orgName ?? DASH, figure(r.value)]),
    });
    if (total > rows.length) out.push({ kind: 'note', text: `另有${total - rows.length}条，见系统。` });
  }
  return out;
}

/** The 自评报告 of a scope and year: intro, one section per area, 十有, the paired side's opinions, the evidence appendix. */
export async function reportModel(q: Queryable, ctx: RequestContext, query: YearScopeQuery): Promise<ReportModel> {
  const report = await computeIndicators(q, ctx, { ...fieldsOf(query), year: query.year });
  const { scope } = report;
  const title = `${scope.name}${query.year}年东西部协作工作自评报告`;
  const blocks: ReportBlock[] = [
    p(`按照东西部协作考核评价的要求，现将${scope.name}${query.year}年东西部协作工作情况自评如下。`),
    p(`本报告的数据由协作平台根据登记的记录计算（截至${dateLabel(clock.today().toISOString().slice(0, 10))}）；“目标”为当年设定的任务指标，“填报数”为各单位填报的汇总数，“同比”与上年同期相比；各项指标的佐证记录见附件。`),
  ];
  let n = 0;
  for (const area of AREAS) {
    const items = report.items.filter((i) => i.area === area);
    blocks.push({ kind: 'heading', text: `${chineseNumber(++n)}、${INDICATOR_AREAS[area]}` }, ...areaProse(items).map(p));
    if (items.some((i) => hasRecords(i) || i.target)) blocks.push(...areaTable(items));
    const chart = areaChart(query.year, items);
    if (chart) blocks.push(chart);
  }
  blocks.push({ kind: 'heading', text: `${chineseNumber(++n)}、“十有”情况` }, ...(await gridBlocks(q, ctx, query)));
  const opinions = await repo.listOpinions(q, storedOf(scope), query.year);
  blocks.push({ kind: 'heading', text: `${chineseNumber(++n)}、征求意见情况` });
  if (opinions.length === 0) blocks.push(p('本年度尚未录入结对方的意见。'));
  for (const o of opinions) {
    const [first, ...rest] = o.opinion.split(/\n+/).map((x) => x.trim()).filter(Boolean);
    blocks.push(p(`${o.from_org_name}（${dateLabel(o.given_on)}）：${first}`), ...rest.map(p));
  }
  blocks.push(...(await appendixBlocks(q, ctx, query, report.items)));
  const fileName = `自评报告-${scope.name}-${query.year}.docx`.replace(/[\\/:*?"<>|]/g, '_');
  return { title, fileName, blocks };
}

/** What the report will hold, for the page that offers it. */
export async function reportSummary(q: Queryable, ctx: RequestContext, query: YearScopeQuery): Promise<ReportSummary> {
  const report = await computeIndicators(q, ctx, { ...fieldsOf(query), year: query.year });
  const stored = storedOf(report.scope);
  const areas = AREAS.map((area) => {
    const items = report.items.filter((i) => i.area === area);
    return { area, areaName: INDICATOR_AREAS[area], indicators: items.length, withRecords: items.filter(hasRecords).length };
  });
  return { scope: report.scope, year: query.year, areas, opinions: (await repo.listOpinions(q, stored, query.year)).length, samples: await repo.countSamples(q, stored, query.year) };
}
