import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { DONATION_KINDS, type DonationListQuery } from './donations.contract.ts';
import { listDonations } from './donations.service.ts';
import { donationSheetImport } from './donations.import.ts';

export const DONATION_COLUMNS: Column[] = [
  { header: '捐赠方', key: 'donor', kind: 'text', required: true, note: '系统中的组织名称或简称；不在系统中的捐赠方照写名称', example: '锦天城律师事务所', width: 24 },
  { header: '受赠单位', key: 'recipientOrg', kind: 'text', note: '组织名称或简称；与受赠地区划代码至少填一项', example: '香格里拉市红十字会', width: 24 },
  { header: '受赠地区划代码', key: 'recipientRegion', kind: 'text', example: '533401', width: 16 },
  { header: '类型', key: 'kind', kind: 'enum', required: true, labels: DONATION_KINDS, example: '资金' },
  { header: '金额或价值（元）', key: 'valueFen', kind: 'yuan', required: true, note: '资金填金额，物资填申报价值', example: 100000 },
  { header: '用途', key: 'purpose', kind: 'text', example: '帮困助学', width: 30 },
  { header: '捐赠日期', key: 'donatedOn', kind: 'date', required: true, example: '2020-08-21' },
  { header: '结对关系编号', key: 'pairingId', kind: 'int', note: '结对关系页面上的编号，可留空' },
  { header: '所属县', key: 'countyCode', kind: 'text', exportOnly: true },
];

export const donationTemplate = () =>
  writeSheet(DONATION_COLUMNS.filter((c) => !c.exportOnly), [{ donor: '锦天城律师事务所', recipientOrg: null, recipientRegion: '533401', kind: 'cash', valueFen: 10_000_000, purpose: '帮困助学', donatedOn: '2020-08-21', pairingId: null }], { sheetName: '捐赠', notes: true });

export async function importDonations(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, DONATION_COLUMNS, { maxRows: 10_000 });
  return importRows(db, ctx, read, { entity: 'donation', columns: DONATION_COLUMNS, skipInvalid, bulk: donationSheetImport(ctx) });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportDonations = (db: Db, ctx: RequestContext, f: Omit<DonationListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(db, ctx, { entity: 'donation', columns: DONATION_COLUMNS, sheetName: '捐赠', filters: f }, (page, pageSize) => listDonations(from, ctx.scope, { ...f, page, pageSize }), (d) => ({
    ...d,
    recipientOrg: d.recipientOrgId ? d.recipient : null,
  }));
