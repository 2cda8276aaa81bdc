import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { ACTIVITY_TYPES, type ActivityListQuery } from './activities.contract.ts';
import { listActivities } from './activities.service.ts';
import { activitySheetImport } from './activities.import.ts';

export const ACTIVITY_COLUMNS: Column[] = [
  { header: '类型', key: 'type', kind: 'enum', required: true, labels: ACTIVITY_TYPES, example: '考察/调研' },
  { header: '标题', key: 'title', kind: 'text', required: true, example: '闵行区司法局代表团赴香格里拉市开展结对帮扶', width: 40 },
  { header: '开始日期', key: 'startDate', kind: 'date', required: true, example: '2020-08-19' },
  { header: '结束日期', key: 'endDate', kind: 'date', note: '留空同开始日期', example: '2020-08-23' },
  { header: '地点区划代码', key: 'regionCodes', kind: 'text', note: '多个用顿号分隔', example: '533401', width: 20 },
  { header: '牵头单位', key: 'leadOrg', kind: 'text', note: '组织名称或简称', example: '闵行区司法局', width: 20 },
  { header: '参与单位', key: 'orgs', kind: 'text', note: '组织名称或简称，多个用顿号分隔', example: '香格里拉市司法局', width: 30 },
  { header: '结对关系编号', key: 'pairingId', kind: 'int' },
  { header: '带队领导', key: 'leader', kind: 'text', example: '金海民' },
  { header: '人数', key: 'delegationSize', kind: 'int', example: 6 },
  { header: '内容', key: 'narrative', kind: 'text', width: 60 },
];

export const activityTemplate = () =>
  writeSheet(ACTIVITY_COLUMNS, [{ type: 'visit', title: '闵行区司法局代表团赴香格里拉市开展结对帮扶', startDate: '2020-08-19', endDate: '2020-08-23', regionCodes: '533401', leadOrg: '闵行区司法局', orgs: '香格里拉市司法局', pairingId: null, leader: '金海民', delegationSize: 6, narrative: null }], { sheetName: '工作动态', notes: true });

export async function importActivities(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, ACTIVITY_COLUMNS, { maxRows: 10_000 });
  return importRows(db, ctx, read, { entity: 'activity', columns: ACTIVITY_COLUMNS, skipInvalid, bulk: activitySheetImport(ctx) });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportActivities = (db: Db, ctx: RequestContext, f: Omit<ActivityListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(db, ctx, { entity: 'activity', columns: ACTIVITY_COLUMNS, sheetName: '工作动态', filters: f }, (page, pageSize) => listActivities(from, ctx.scope, { ...f, page, pageSize }), (a) => ({
    ...a,
    regionCodes: a.places.map((x) => x.code).join('、'),
    leadOrg: a.leadOrgName,
    orgs: a.orgs.map((o) => o.name).join('、'),
  }));
