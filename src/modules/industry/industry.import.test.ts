import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { INDUSTRY_FILES, INDUSTRY_SHEETS } from './industry.excel.ts';

const t = useTestApp();
const HEADERS = ['企业名称', '引进来源', '县代码', '乡镇/村代码', '行业', '签约投资额（元）', '签约日期', '带动就业人数', '脱贫人口就业人数'];
const enterprises = INDUSTRY_SHEETS.find((s) => s.path === '/industry/enterprises')!;
const importRows = async (rows: unknown[][]) => INDUSTRY_FILES.importFile(t.database.db, systemContext, enterprises, await xlsxOf([HEADERS, ...rows]), false);
const stored = () => t.database.db.selectFrom('industry_enterprises').select(['id', 'name', 'origin_org_id', 'origin_name', 'origin_region', 'place_code']).orderBy('id').execute();
let origin: { id: number; name: string };
let west: { id: number; name: string };

const row = (name: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = [name, origin.name, '533401', null, '农产品加工', 1_000_000, '2031-05-20', 100, 30];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};

beforeAll(async () => {
  origin = await makeOrg(t, { regionCode: '310112' });
  west = await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401101' });
});

describe('the enterprise sheet, checked set-based', () => {
  it('reports every row’s problem and writes nothing', async () => {
    const [before, audits] = [await stored(), await auditCount(t)];
    const err = (await importRows([
      row('合格的企业'),
      row('乡镇不在县内的企业', { 3: '632621100' }),
      row('县在上海的企业', { 2: '310112' }),
      row('就业人数不符的企业', { 8: 101 }),
    ]).catch((e: AppError) => e)) as AppError;
    expect((err.details as { errors: { row: number; column: string; reason: string }[] }).errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual([
      '3:乡镇/村代码:乡镇或村 632621100 不在受援县 533401 内',
      '4:县代码:受援县不能是上海的区划',
      '5:脱贫人口就业人数:脱贫人口就业人数（101）不能多于带动就业人数（100）',
    ]);
    expect(await stored()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('writes exactly the rows with their audit entries, an east-side source linked and any other kept as a name', async () => {
    const [before, audits] = [await stored(), await auditCount(t, 'industry_enterprise')];
    expect(await importRows([row('链接来源的企业', { 3: '533401101' }), row('照写来源的企业', { 1: west.name })])).toMatchObject({ imported: 2, skipped: [] });
    const added = (await stored()).slice(before.length);
    expect(added.map((e) => [e.name, e.origin_org_id, e.origin_name, e.origin_region, e.place_code])).toEqual([
      ['链接来源的企业', origin.id, null, '310112', '533401101'], ['照写来源的企业', null, west.name, null, null],
    ]);
    expect(await auditCount(t, 'industry_enterprise')).toBe(audits + 3);
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'industry_enterprise').where('action', '=', 'create').orderBy('id', 'desc').limit(2).execute();
    for (const e of added) expect(entries.find((x) => Number(x.entity_id) === e.id)?.after).toMatchObject({ id: e.id, name: e.name, countyName: '香格里拉市' });
  });
});
