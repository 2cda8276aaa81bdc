import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, type ImportResult } from '../../platform/excel/import.ts';
import { projectInScope } from '../projects/projects.repository.ts';
import { FUND_KINDS } from './funds.contract.ts';
import { fundSheetImport } from './funds.import.ts';

export const MAX_FUND_ROWS = 10_000;

export const FUND_COLUMNS: Column[] = [
  { header: '项目编号', key: 'projectCode', kind: 'text', required: true, example: '533401-2020-001', width: 18 },
  { header: '类型', key: 'kind', kind: 'enum', required: true, labels: FUND_KINDS, note: '拨付导入后为“待会签”，须受援方与帮扶方各一人会签后生效', example: '下达' },
  { header: '金额（元）', key: 'amountFen', kind: 'yuan', required: true, example: 1000000 },
  { header: '日期', key: 'onDate', kind: 'date', required: true, example: '2020-04-10' },
  { header: '文号', key: 'documentNo', kind: 'text', example: '闵财〔2020〕8号', width: 20 },
  { header: '备注', key: 'note', kind: 'text', width: 30 },
  { header: '项目名称', key: 'projectName', kind: 'text', exportOnly: true, width: 30 },
  { header: '状态', key: 'status', kind: 'enum', labels: { pending: '待会签', effective: '已生效' }, exportOnly: true },
];

export async function fundTemplate(): Promise<Buffer> {
  return writeSheet(FUND_COLUMNS.filter((c) => !c.exportOnly), [{ projectCode: '533401-2020-001', kind: 'allocate', amountFen: 100_000_000, onDate: '2020-04-10', documentNo: '闵财〔2020〕8号', note: null }], { sheetName: '资金往来', notes: true });
}

export async function importFundTransactions(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, FUND_COLUMNS, { maxRows: MAX_FUND_ROWS });
  return importRows(db, ctx, read, { entity: 'fund_transaction', columns: FUND_COLUMNS, skipInvalid, bulk: fundSheetImport(ctx) });
}

/** Fund transactions of the projects in scope, filtered by county and year of the transaction date. */
export async function exportFundTransactions(db: Db, ctx: RequestContext, f: { county?: string; year?: number }): Promise<Buffer> {
  let q = db
    .selectFrom('fund_transactions as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['p.code', 'p.name', 't.kind', 't.amount_fen', 't.on_date', 't.document_no', 't.note', 't.status'])
    .where(projectInScope(ctx.scope));
  if (f.county) q = q.where('t.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.year) q = q.where('t.on_date', '>=', `${f.year}-01-01`).where('t.on_date', '<=', `${f.year}-12-31`);
  const rows = await q.orderBy('p.code').orderBy('t.on_date').orderBy('t.id').execute();
  await writeAudit(db, ctx, { entity: 'fund_transaction', entityId: null, action: 'export', after: { filters: f, rows: rows.length } });
  return writeSheet(
    FUND_COLUMNS,
    rows.map((r) => ({ projectCode: r.code, projectName: r.name, kind: r.kind, amountFen: Number(r.amount_fen), onDate: r.on_date, documentNo: r.document_no, note: r.note, status: r.status })),
    { sheetName: '资金往来' },
  );
}
