import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { TARGET_GROUPS, TRAINING_KINDS, type TrainingListQuery } from './training.contract.ts';
import { listTrainings } from './training.service.ts';
import { trainingSheetImport } from './training.import.ts';

export const TRAINING_COLUMNS: Column[] = [
  { header: '培训名称', key: 'title', kind: 'text', required: true, example: '香格里拉市英语教师培训', width: 30 },
  { header: '类型', key: 'kind', kind: 'enum', required: true, labels: TRAINING_KINDS, example: '培训' },
  { header: '主办单位', key: 'organiser', kind: 'text', note: '系统中的组织名称或简称；不在系统中的照写名称', example: '闵行区侨联', width: 20 },
  { header: '地点区划代码', key: 'placeRegion', kind: 'text', note: '上海（31 开头）即在沪培训', example: '533401' },
  { header: '开始日期', key: 'startDate', kind: 'date', required: true, example: '2020-07-10' },
  { header: '结束日期', key: 'endDate', kind: 'date', required: true, example: '2020-07-14' },
  { header: '培训对象', key: 'targetGroup', kind: 'enum', required: true, labels: TARGET_GROUPS, example: '教师' },
  { header: '批次', key: 'batches', kind: 'int', required: true, example: 1 },
  { header: '人数', key: 'participants', kind: 'int', required: true, example: 64 },
  { header: '人次', key: 'personTimes', kind: 'int', required: true, example: 64 },
  { header: '受训人员所在县代码', key: 'countyCode', kind: 'text', example: '533401' },
  { header: '结对关系编号', key: 'pairingId', kind: 'int' },
];

export const trainingTemplate = () =>
  writeSheet(TRAINING_COLUMNS, [{ title: '香格里拉市英语教师培训', kind: 'training', organiser: '闵行区侨联', placeRegion: '533401', startDate: '2020-07-10', endDate: '2020-07-14', targetGroup: 'teachers', batches: 1, participants: 64, personTimes: 64, countyCode: '533401', pairingId: null }], { sheetName: '培训', notes: true });

export async function importTrainings(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, TRAINING_COLUMNS, { maxRows: 10_000 });
  return importRows(db, ctx, read, { entity: 'training', columns: TRAINING_COLUMNS, skipInvalid, bulk: trainingSheetImport(ctx) });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportTrainings = (db: Db, ctx: RequestContext, f: Omit<TrainingListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(db, ctx, { entity: 'training', columns: TRAINING_COLUMNS, sheetName: '培训', filters: f }, (page, pageSize) => listTrainings(from, ctx.scope, { ...f, page, pageSize }), (x) => ({
    ...x,
    organiser: x.organiserOrgName ?? x.organiserName,
  }));
