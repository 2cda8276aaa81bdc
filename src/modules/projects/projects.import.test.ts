import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { importProjects } from './projects.excel.ts';

const t = useTestApp();
const HEADERS = ['项目编号', '项目名称', '开始年度', '项目层级', '项目类别', '项目地点区划代码', '帮扶方单位', '上海财政援助（元）'];
let east: string;
let west: string;

const row = (code: string | null, name: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = [code, name, 2031, '区级', '产业发展', '533401102', east, 1000];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};
const sheet = (rows: unknown[][]) => xlsxOf([HEADERS, ...rows]);
const projects = async () => t.database.db.selectFrom('projects').select(['id', 'code', 'name', 'east_org_id', 'owning_org_id']).where('start_year', '=', 2031).orderBy('id').execute();
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors;
};

beforeAll(async () => {
  east = (await makeOrg(t, { regionCode: '310112' })).name;
  west = (await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401101' })).name;
  await importProjects(t.database.db, systemContext, await sheet([row('533401-2031-007', '已有项目')]), false);
});

describe('the project sheet, checked set-based', () => {
  it('reports every row’s problem, by row and column, and writes nothing', async () => {
    const [before, audits] = [await projects(), await auditCount(t)];
    const errors = await failure(importProjects(t.database.db, systemContext, await sheet([
      row(null, '好行'),
      row(null, '未知地点', { 5: '533401999999' }),
      row(null, '州级地点', { 5: '5334' }),
      row(null, '未知单位', { 6: '没有这个单位' }),
      row(null, '受援方单位', { 6: west }),
      row('533401-2031-007', '编号已用'),
      row('533401-2031-050', '表内编号'),
      row('533401-2031-050', '表内重号'),
      row(null, '坏层级', { 3: '省级' }),
    ]), false));
    expect(errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual([
      '3:项目地点区划代码:未知的区划代码 533401999999',
      '4:项目地点区划代码:项目地点须落到县级或以下，「迪庆藏族自治州」是更高一级的区划',
      '5:帮扶方单位:找不到组织「没有这个单位」',
      `6:帮扶方单位:「${west}」是受援方组织，不能作为帮扶方单位`,
      '7:项目编号:编号重复',
      '9:项目编号:编号重复',
      expect.stringMatching(/^10:项目层级:应为以下之一/),
    ]);
    expect(await projects()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('refuses rows outside a scoped importer’s reach', async () => {
    const scoped: RequestContext = { ...systemContext, actor: { id: null, name: '泽普用户' }, scope: { all: false, orgIds: new Set(), regionPrefixes: ['653124'] } };
    const errors = await failure(importProjects(t.database.db, scoped, await sheet([row(null, '泽普项目', { 5: '653124100', 6: null }), row(null, '香格里拉项目', { 6: null })]), false));
    expect(errors).toEqual([{ row: 3, column: '项目地点区划代码', reason: '超出数据范围' }]);
  });

  it('writes exactly the rows, numbered on from the stored and the sheet’s own codes, each with its audit entry', async () => {
    const [before, audits] = [await projects(), await auditCount(t, 'project')];
    const result = await importProjects(t.database.db, systemContext, await sheet([row(null, '项目甲'), row('533401-2031-020', '项目乙'), row(null, '项目丙'), row('自定编号-1', '项目丁', { 6: null })]), false);
    expect(result).toMatchObject({ total: 4, imported: 4, skipped: [] });
    const added = (await projects()).slice(before.length);
    expect(added.map((p) => `${p.code} ${p.name}`)).toEqual(['533401-2031-008 项目甲', '533401-2031-020 项目乙', '533401-2031-021 项目丙', '自定编号-1 项目丁']);
    expect(added[0].east_org_id).not.toBeNull();
    expect(added[3].east_org_id).toBeNull();
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'action', 'after']).where('entity', '=', 'project').orderBy('id', 'desc').limit(5).execute();
    expect(await auditCount(t, 'project')).toBe(audits + 5); // four creations and the import itself
    const created = entries.filter((e) => e.action === 'create');
    expect(created.map((e) => Number(e.entity_id)).sort()).toEqual(added.map((p) => p.id).sort());
    for (const e of created) {
      const p = added.find((x) => x.id === Number(e.entity_id))!;
      expect(e.after).toMatchObject({ id: p.id, name: p.name, regionCode: '533401102', funds: { shanghaiFen: 100_000 }, eastOrgId: p.east_org_id });
    }
    expect(entries.find((e) => e.action === 'import')?.after).toEqual({ total: 4, imported: 4, skipped: 0 });
  });
});
