import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { LABOR_FILES, LABOR_SHEETS } from './labor.excel.ts';

const t = useTestApp();
const sheetAt = (path: string) => LABOR_SHEETS.find((s) => s.path === path)!;
const importSheet = async (path: string, rows: unknown[][]) => LABOR_FILES.importFile(t.database.db, systemContext, sheetAt(path), await xlsxOf(rows), false);
const PLACEMENTS = ['年度', '月份', '县代码', '去向', '脱贫人口就业人数', '监测对象就业人数', '结对关系编号'];
const FAIRS = ['举办日期', '名称', '举办地区划代码', '服务县代码', '主办单位', '参会企业数', '提供岗位数', '参会人数', '达成就业人数'];
let pairingId: number;
let organiser: { id: number; name: string };

const placements = () => t.database.db.selectFrom('labor_placements').select(['id', 'county_code', 'year', 'month', 'destination', 'poor_count', 'pairing_id']).orderBy('id').execute();
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors.map((e) => `${e.row}:${e.column ?? ''}:${e.reason}`);
};

beforeAll(async () => {
  pairingId = (await makePairing(t)).id;
  organiser = await makeOrg(t, { regionCode: '310112' });
  await importSheet('/labor/placements', [PLACEMENTS, [2031, 1, '533401', '转移到上海', 10, 1, null]]);
});

describe('the labor sheets, checked set-based', () => {
  it('reports every row’s problem, stored and in-sheet duplicates included, and writes nothing', async () => {
    const [before, audits] = [await placements(), await auditCount(t)];
    const errors = await failure(importSheet('/labor/placements', [
      PLACEMENTS,
      [2031, 2, '533401', '转移到上海', 10, 1, null],
      [2031, 1, '533401', '转移到上海', 5, 0, null],
      [2031, 3, '533401', '转移到上海', 5, 0, null],
      [2031, 3, '533401', '转移到上海', 6, 0, null],
      [2031, 4, '310112', '转移到上海', 5, 0, null],
      [2031, 4, '533401999', '转移到上海', 5, 0, null],
      [2031, 4, '632621', '转移到上海', 5, 0, pairingId],
      [2031, 4, '533401', '转移到上海', 5, 0, 999_999],
    ]));
    expect(errors).toEqual([
      '3:月份:重复登记',
      '5:月份:重复登记',
      '6:县代码:受援地不能是上海的区划',
      expect.stringMatching(/^7:县代码:/),
      expect.stringMatching(/^8:结对关系编号:结对关系 \d+ 的受援方不在 632621$/),
      '9:结对关系编号:结对关系 999999 不存在或不在您的数据范围内',
    ]);
    expect(await placements()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('writes exactly the rows with their audit entries', async () => {
    const [before, audits] = [await placements(), await auditCount(t, 'labor_placement')];
    const result = await importSheet('/labor/placements', [PLACEMENTS, [2031, 5, '533401', '转移到上海', 7, 1, pairingId], [2031, 5, '533401', '就地就近就业', 8, 2, null]]);
    expect(result).toMatchObject({ total: 2, imported: 2, skipped: [] });
    const added = (await placements()).slice(before.length);
    expect(added.map((p) => [p.month, p.destination, p.poor_count, p.pairing_id])).toEqual([[5, 'shanghai', 7, pairingId], [5, 'local', 8, null]]);
    expect(await auditCount(t, 'labor_placement')).toBe(audits + 3); // two creations and the import
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'labor_placement').where('action', '=', 'create').orderBy('id', 'desc').limit(2).execute();
    for (const p of added) expect(entries.find((e) => Number(e.entity_id) === p.id)?.after).toMatchObject({ id: p.id, month: 5, countyName: '香格里拉市', poorCount: p.poor_count });
  });

  it('links job fairs to their organiser by name, or keeps the name', async () => {
    const result = await importSheet('/labor/job-fairs', [FAIRS, ['2031-03-15', '专场招聘会甲', '533401', null, organiser.name, 40, 1000, 800, 90], ['2031-03-16', '专场招聘会乙', '310112', '533401', '某人力资源公司', 20, 500, null, 30]]);
    expect(result).toMatchObject({ imported: 2 });
    const fairs = await t.database.db.selectFrom('labor_job_fairs').select(['title', 'organiser_org_id', 'organiser_name', 'county_code']).orderBy('id').execute();
    expect(fairs.slice(-2)).toEqual([
      { title: '专场招聘会甲', organiser_org_id: organiser.id, organiser_name: null, county_code: '533401' },
      { title: '专场招聘会乙', organiser_org_id: null, organiser_name: '某人力资源公司', county_code: '533401' },
    ]);
  });
});
