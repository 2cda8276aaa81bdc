import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { BY_CODE, UNITS } from './indicators.definitions.ts';
import { computeIndicators, evidenceRows, ranking } from './indicators.service.ts';
import { tenHaves } from './indicators.grid.ts';
import { INDICATOR_AREAS, TEN_HAVES, type ScopeQuery, type TenHave } from './indicators.contract.ts';

/** At most this many evidence rows in one file (a figure of more records is exported by narrower scope or period). */
export const EVIDENCE_EXPORT_MAX = 100_000;

export async function exportEvidence(q: Queryable, ctx: RequestContext, code: string, query: ScopeQuery): Promise<Buffer> {
  const { rows } = await evidenceRows(q, ctx, code, query, { limit: EVIDENCE_EXPORT_MAX, offset: 0 });
  const def = BY_CODE.get(code)!;
  const columns: Column[] = [
    { header: '记录类型', key: 'kindLabel', kind: 'text' },
    { header: '记录', key: 'label', kind: 'text', width: 48 },
    { header: '日期', key: 'date', kind: 'text' },
    { header: '地点', key: 'placeName', kind: 'text', width: 24 },
    { header: '单位', key: 'orgName', kind: 'text', width: 24 },
    { header: '计入', key: 'part', kind: 'text' },
    { header: '数值', key: 'value', kind: 'decimal' },
    { header: '编号', key: 'id', kind: 'int' },
  ];
  const partName = (c: string) => BY_CODE.get(c)?.name ?? c;
  return writeSheet(columns, rows.map(({ parent: _parent, ...r }) => ({ ...r, part: `${partName(r.part)}（${UNITS[BY_CODE.get(r.part)?.unit ?? def.unit]?.label ?? ''}）` })), { sheetName: def.name.slice(0, 31) });
}

export async function exportGrid(q: Queryable, ctx: RequestContext, query: ScopeQuery): Promise<Buffer> {
  const grid = await tenHaves(q, ctx, { ...query, page: 1, pageSize: 100_000 });
  const haves = Object.keys(TEN_HAVES) as TenHave[];
  const columns: Column[] = [
    { header: '东部单位', key: 'east', kind: 'text', width: 28 },
    { header: '西部单位', key: 'west', kind: 'text', width: 28 },
    ...haves.map((h): Column => ({ header: TEN_HAVES[h], key: h, kind: 'text', width: 10 })),
    { header: '达到项数', key: 'count', kind: 'int' },
  ];
  const rows = grid.items.map((r) => ({ east: r.eastOrgName, west: r.westOrgName, count: r.count, ...Object.fromEntries(haves.map((h) => [h, r.cells[h].have ? '✓' : '✗'])) }));
  return writeSheet(columns, rows, { sheetName: `${grid.year}年十有` });
}

/** The indicators table of a scope and period as shown: figure, 同期, 同比, target and reported figure. */
export async function exportValues(q: Queryable, ctx: RequestContext, query: ScopeQuery): Promise<Buffer> {
  const report = await computeIndicators(q, ctx, query);
  const columns: Column[] = [
    { header: '考核方面', key: 'area', kind: 'text' },
    { header: '指标', key: 'name', kind: 'text', width: 30 },
    { header: '单位', key: 'unit', kind: 'text', width: 8 },
    { header: '数值', key: 'value', kind: 'decimal' },
    { header: '上年同期', key: 'previous', kind: 'decimal' },
    { header: '同比', key: 'yoy', kind: 'text' },
    { header: '目标', key: 'target', kind: 'decimal' },
    { header: '完成进度（%）', key: 'progress', kind: 'decimal' },
    { header: '填报数', key: 'reported', kind: 'decimal' },
    { header: '填报来源', key: 'source', kind: 'text', width: 30 },
    { header: '代码', key: 'code', kind: 'text' },
  ];
  const rows = report.items.map((i) => ({
    area: INDICATOR_AREAS[i.area], name: i.name, unit: i.unit, value: i.value, previous: i.previous, code: i.code,
    yoy: i.yoy === null ? null : `${i.yoy > 0 ? '+' : ''}${i.yoy}${i.yoyKind === 'points' ? ' 个百分点' : '%'}`,
    target: i.target?.value ?? null, progress: i.target?.progress ?? null, reported: i.reported?.value ?? null, source: i.reported?.source ?? null,
  }));
  return writeSheet(columns, rows, { sheetName: `${report.period.label}`.slice(0, 31) });
}

export async function exportRanking(q: Queryable, ctx: RequestContext, query: ScopeQuery & { by: 'district' | 'county'; indicator: string }): Promise<Buffer> {
  const r = await ranking(q, ctx, query);
  const columns: Column[] = [
    { header: '名次', key: 'rank', kind: 'int' },
    { header: query.by === 'district' ? '区' : '县（市、区）', key: 'name', kind: 'text', width: 28 },
    { header: `${r.indicator.name}（${r.indicator.unit}）`, key: 'value', kind: 'decimal', width: 24 },
  ];
  return writeSheet(columns, r.items.map((x, i) => ({ rank: i + 1, name: x.name, value: x.value })), { sheetName: r.indicator.name.slice(0, 31) });
}
