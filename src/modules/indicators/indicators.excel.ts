import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { BY_CODE, UNITS } from './indicators.definitions.ts';
import { evidenceRows } from './indicators.service.ts';
import { tenHaves } from './indicators.grid.ts';
import { TEN_HAVES, type ScopeQuery, type TenHave } from './indicators.contract.ts';

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
  return writeSheet(columns, rows.map((r) => ({ ...r, part: `${partName(r.part)}（${UNITS[BY_CODE.get(r.part)?.unit ?? def.unit]?.label ?? ''}）` })), { sheetName: def.name.slice(0, 31) });
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
