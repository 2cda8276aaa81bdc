import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { importActivities } from './activities.excel.ts';

const t = useTestApp();
const HEADERS = ['类型', '标题', '开始日期', '结束日期', '地点区划代码', '牵头单位', '参与单位', '结对关系编号', '人数'];
let east: { id: number; name: string };
let west: { id: number; name: string };
let pairingId: number;

const row = (title: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = ['考察/调研', title, '2031-08-19', '2031-08-23', '533401、533401102', east.name, west.name, null, 6];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};
const sheet = (rows: unknown[][]) => xlsxOf([HEADERS, ...rows]);
const stored = () => t.database.db.selectFrom('activities').select(['id', 'title', 'lead_org_id', 'county_code', 'pairing_id']).orderBy('id').execute();
const children = async () => [
  Number((await t.database.db.selectFrom('activity_places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  Number((await t.database.db.selectFrom('activity_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
];
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors.map((e) => `${e.row}:${e.column ?? ''}:${e.reason}`);
};

beforeAll(async () => {
  east = await makeOrg(t, { type: 'department', regionCode: '310112' });
  west = await makeOrg(t, { side: 'west', type: 'department', regionCode: '533401' });
  pairingId = (await makePairing(t)).id;
});

describe('the activity sheet, checked set-based', () => {
  it('reports every row’s problem and writes nothing', async () => {
    const [before, kids, audits] = [await stored(), await children(), await auditCount(t)];
    const errors = await failure(importActivities(t.database.db, systemContext, await sheet([
      row('合格的考察'),
      row('未知地点的考察', { 4: '533401、533401999' }),
      row('未知牵头单位的考察', { 5: '没有这个单位' }),
      row('未知参与单位的考察', { 6: `${west.name}、查无此单位` }),
      row('未知结对的考察', { 7: 999_999 }),
      row('日期颠倒的考察', { 3: '2031-08-01' }),
    ]), false));
    expect(errors).toEqual([
      '3:地点区划代码:未知的区划代码 533401999',
      '4:牵头单位:找不到组织「没有这个单位」',
      '5:参与单位:找不到组织「查无此单位」',
      '6:结对关系编号:结对关系 999999 不存在或不在您的数据范围内',
      expect.stringMatching(/^7:结束日期:/),
    ]);
    expect([await stored(), await children(), await auditCount(t)]).toEqual([before, kids, audits]);
  });

  it('writes exactly the rows with their places, units and audit entries', async () => {
    const [before, kids, audits] = [await stored(), await children(), await auditCount(t, 'activity')];
    const result = await importActivities(t.database.db, systemContext, await sheet([row('写入的考察甲'), row('写入的考察乙', { 4: '533401102、533401102', 6: null, 7: pairingId })]), false);
    expect(result).toMatchObject({ total: 2, imported: 2, skipped: [] });
    const added = (await stored()).slice(before.length);
    expect(added.map((a) => [a.title, a.lead_org_id, a.county_code, a.pairing_id])).toEqual([['写入的考察甲', east.id, '533401', null], ['写入的考察乙', east.id, '533401', pairingId]]);
    expect(await children()).toEqual([kids[0] + 3, kids[1] + 1]); // places deduplicated per activity
    expect(await auditCount(t, 'activity')).toBe(audits + 3);
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'activity').where('action', '=', 'create').orderBy('id', 'desc').limit(2).execute();
    expect(entries.find((e) => Number(e.entity_id) === added[0].id)?.after).toMatchObject({ title: '写入的考察甲', leadOrgName: east.name, places: [{ code: '533401' }, { code: '533401102' }], orgs: [{ id: west.id }] });
    expect(entries.find((e) => Number(e.entity_id) === added[1].id)?.after).toMatchObject({ title: '写入的考察乙', places: [{ code: '533401102' }], orgs: [], pairingId });
  });
});
