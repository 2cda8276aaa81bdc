import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, parseRow, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import { orgIdByName } from '../orgs/orgs.service.ts';
import { DISPATCH_CATEGORIES, DISPATCH_STATUSES, DISPATCH_TEAMS, PROGRAMMES, SEXES, dispatchInput, type DispatchListQuery } from './personnel.contract.ts';
import { createDispatchIn, listDispatches } from './personnel.dispatches.ts';
import { findPersonByNameAndOrigin } from './personnel.repository.ts';

export const DISPATCH_COLUMNS: Column[] = [
  { header: '姓名', key: 'name', kind: 'text', required: true, example: '杨建富' },
  { header: '性别', key: 'sex', kind: 'enum', labels: SEXES },
  { header: '派出单位', key: 'origin', kind: 'text', required: true, note: '系统中的组织名称或简称；不在系统中的照写名称', example: '闵行区司法局', width: 20 },
  { header: '类别', key: 'category', kind: 'enum', required: true, labels: DISPATCH_CATEGORIES, example: '党政干部', width: 20 },
  { header: '组团式', key: 'team', kind: 'enum', labels: DISPATCH_TEAMS },
  { header: '援助方向', key: 'programme', kind: 'enum', required: true, labels: PROGRAMMES, example: '援滇' },
  { header: '批次', key: 'batch', kind: 'text', example: '第一批' },
  { header: '接收单位', key: 'hostOrg', kind: 'text', note: '组织名称或简称', example: '香格里拉市人民政府', width: 20 },
  { header: '挂职地区划代码', key: 'hostRegion', kind: 'text', example: '533401' },
  { header: '岗位', key: 'post', kind: 'text', example: '挂职香格里拉市副市长', width: 24 },
  { header: '开始日期', key: 'termStart', kind: 'date', required: true, example: '2019-07-01' },
  { header: '期满日期', key: 'termEnd', kind: 'date', note: '留空时干部按 3 年、教师医生按 1 年计' },
  { header: '实际结束日期', key: 'actualEnd', kind: 'date' },
  { header: '状态', key: 'status', kind: 'enum', labels: DISPATCH_STATUSES, note: '留空为在岗', example: '在岗' },
];

export const dispatchTemplate = () =>
  writeSheet(DISPATCH_COLUMNS, [{ name: '杨建富', sex: null, origin: '闵行区司法局', category: 'cadre', team: null, programme: 'dian', batch: null, hostOrg: null, hostRegion: '533401', post: '挂职香格里拉市副市长', termStart: '2019-07-01', termEnd: null, actualEnd: null, status: 'on_post' }], { sheetName: '援派干部人才', notes: true });

/** A row names the person: the same name from the same sending unit, already recorded and visible, is reused. */
export async function importDispatches(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, DISPATCH_COLUMNS, { maxRows: 5_000 });
  return importRows(db, ctx, read, {
    entity: 'dispatch',
    columns: DISPATCH_COLUMNS,
    skipInvalid,
    toInput: async ({ values: v }, trx) => {
      const origins = await orgsRepo.findByNameOrAlias(trx, String(v.origin));
      const originOrgId = origins.length === 1 ? origins[0].id : null;
      const existing = await findPersonByNameAndOrigin(trx, String(v.name), { orgId: originOrgId, unit: String(v.origin) });
      return parseRow(dispatchInput, {
        ...(existing ? { personId: existing.id } : { person: { name: v.name, sex: v.sex, ...(originOrgId ? { originOrgId } : { originUnit: v.origin }) } }),
        category: v.category, team: v.team, programme: v.programme, batch: v.batch,
        hostOrgId: await orgIdByName(trx, v.hostOrg as string | null, 'hostOrg'), hostRegion: v.hostRegion, post: v.post,
        termStart: v.termStart, termEnd: v.termEnd, actualEnd: v.actualEnd, status: v.status ?? 'on_post',
      });
    },
    apply: (trx, input) => createDispatchIn(trx, ctx, input),
  });
}

/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportDispatches = (db: Db, ctx: RequestContext, f: Omit<DispatchListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(db, ctx, { entity: 'dispatch', columns: DISPATCH_COLUMNS, sheetName: '援派干部人才', filters: f }, (page, pageSize) => listDispatches(from, ctx.scope, { ...f, page, pageSize }), (d) => ({
    ...d,
    name: d.personName,
    origin: d.originName,
    hostOrg: d.hostOrgName,
  }));
