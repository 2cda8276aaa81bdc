import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, parseRow, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { invalidField } from '../../platform/errors.ts';
import { INDICATORS } from './indicators.definitions.ts';
import { createEntryIn, listEntries } from './indicators.entries.service.ts';
import { entryInput, type EntryKind, type EntryListQuery } from './indicators.entries.contract.ts';

const INDICATOR_NAMES = Object.fromEntries(INDICATORS.map((d) => [d.code, d.name]));
const SCOPE_KINDS = { city: '全市', district: '区', pairing: '结对关系', region: '地区' };

/** The sheet of targets or reported figures: the indicator by name, the scope by its kind and the unit's name, number or code. */
export function entryColumns(kind: EntryKind): Column[] {
  return [
    { header: '指标', key: 'indicatorCode', kind: 'enum', required: true, labels: INDICATOR_NAMES, example: '财政援助资金下达', width: 28 },
    { header: '年度', key: 'year', kind: 'int', required: true, example: 2026 },
    ...(kind === 'reported' ? [{ header: '季度', key: 'quarter', kind: 'int', note: '按季度填报时填 1–4' } as Column, { header: '月份', key: 'month', kind: 'int', note: '按月填报时填 1–12' } as Column] : []),
    { header: '范围类型', key: 'scopeKind', kind: 'enum', required: true, labels: SCOPE_KINDS, example: '区' },
    { header: '区（单位名称）', key: 'districtName', kind: 'text', note: '范围为区时填写，如 上海市闵行区人民政府', example: '上海市闵行区人民政府', width: 28 },
    { header: '结对关系编号', key: 'pairingId', kind: 'int', note: '范围为结对关系时填写' },
    { header: '地区代码', key: 'regionCode', kind: 'text', note: '范围为地区时填写 4、6 或 9 位区划代码' },
    { header: '数值', key: 'value', kind: 'decimal', required: true, note: '按指标的单位填写（万元、人、%、亩…）', example: 5000 },
    { header: kind === 'target' ? '依据文件' : '来源', key: 'document', kind: 'text', required: true, example: kind === 'target' ? '沪合作办〔2026〕3号' : '《闵行区东西部协作工作简报》2026年第5期', width: 36 },
    ...(kind === 'reported' ? [{ header: '填报日期', key: 'reportedOn', kind: 'date' } as Column] : []),
    { header: '范围', key: 'scopeName', kind: 'text', exportOnly: true, width: 28 },
    { header: '备注', key: 'note', kind: 'text', width: 24 },
  ];
}

const sheetName = (kind: EntryKind) => (kind === 'target' ? '考核目标' : '填报数据');

export const entryTemplate = (kind: EntryKind) =>
  writeSheet(entryColumns(kind).filter((c) => !c.exportOnly), [{ indicatorCode: 'fund_allocated', year: 2026, scopeKind: 'district', districtName: '上海市闵行区人民政府', value: 5000, document: kind === 'target' ? '沪合作办〔2026〕3号' : '《闵行区东西部协作工作简报》2026年第5期' }], { sheetName: sheetName(kind), notes: true });

async function districtId(trx: Trx, name: unknown): Promise<number | undefined> {
  if (name === null || name === undefined || name === '') return undefined;
  const { rows } = await sql<{ id: string }>`select id from orgs where (name = ${String(name)} or ${String(name)} = any(aliases)) and side = 'east' limit 2`.execute(trx);
  if (rows.length !== 1) throw invalidField('districtName', `找不到名为「${String(name)}」的上海方单位`);
  return Number(rows[0].id);
}

export async function importEntries(db: Db, ctx: RequestContext, kind: EntryKind, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const columns = entryColumns(kind);
  const read = await readSheet(file, columns, { maxRows: 10_000 });
  return importRows(db, ctx, read, {
    entity: kind === 'target' ? 'indicator_target' : 'reported_figure',
    columns,
    skipInvalid,
    toInput: async ({ values: v }, trx) => {
      const { districtName, scopeName: _s, ...rest } = v as Record<string, unknown>;
      // A blank cell is an absent field, not a null one (the input's optional fields take no null).
      const given = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== null && x !== ''));
      return parseRow(entryInput, { ...given, districtId: await districtId(trx, districtName) });
    },
    apply: (trx, input) => createEntryIn(trx, ctx, kind, input),
  });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportEntries = (db: Db, ctx: RequestContext, kind: EntryKind, f: Omit<EntryListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(db, ctx, { entity: kind === 'target' ? 'indicator_target' : 'reported_figure', columns: entryColumns(kind), sheetName: sheetName(kind), filters: f }, (page, pageSize) => listEntries(from, ctx, kind, { ...f, page, pageSize }), (x) => ({
    ...x,
    districtName: x.scopeKind === 'district' ? x.scopeName : null,
  }));
