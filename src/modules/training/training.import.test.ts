import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { importTrainings } from './training.excel.ts';

const t = useTestApp();
const HEADERS = ['培训名称', '类型', '主办单位', '地点区划代码', '开始日期', '结束日期', '培训对象', '批次', '人数', '人次', '受训人员所在县代码', '结对关系编号'];
let organiser: { id: number; name: string };
let pairingId: number;

const row = (title: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = [title, '培训', organiser.name, '533401', '2031-07-10', '2031-07-14', '教师', 1, 60, 64, '533401', null];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};
const sheet = (rows: unknown[][]) => xlsxOf([HEADERS, ...rows]);
const stored = () => t.database.db.selectFrom('trainings').select(['id', 'title', 'organiser_org_id', 'organiser_name', 'pairing_id', 'owning_org_id', 'claim_status']).orderBy('id').execute();
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors.map((e) => `${e.row}:${e.column ?? ''}:${e.reason}`);
};

beforeAll(async () => {
  organiser = await makeOrg(t, { regionCode: '310112' });
  pairingId = (await makePairing(t)).id;
});

describe('the training sheet, checked set-based', () => {
  it('reports every row’s problem and writes nothing', async () => {
    const [before, audits] = [await stored(), await auditCount(t)];
    const errors = await failure(importTrainings(t.database.db, systemContext, await sheet([
      row('合格的培训'),
      row('未知地点培训', { 3: '533401999' }),
      row('非县级培训', { 10: '533401101' }),
      row('人次不足培训', { 9: 10 }),
      row('未知结对培训', { 11: 999_999 }),
      row('结对不符培训', { 10: '632621', 11: pairingId }),
    ]), false));
    expect(errors).toEqual([
      '3:地点区划代码:未知的区划代码 533401999',
      '4:受训人员所在县代码:县级区划代码应为 6 位数字',
      '5:人次:人次不能少于人数',
      '6:结对关系编号:结对关系 999999 不存在或不在您的数据范围内',
      expect.stringMatching(/^7:受训人员所在县代码:632621 不在该结对关系的受援方.+所在地范围内$/),
    ]);
    expect(await stored()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('refuses rows outside a scoped importer’s reach', async () => {
    const scoped: RequestContext = { ...systemContext, actor: { id: null, name: '泽普用户' }, scope: { all: false, orgIds: new Set(), regionPrefixes: ['653124'] } };
    const errors = await failure(importTrainings(t.database.db, scoped, await sheet([row('泽普的培训', { 2: null, 10: '653124' }), row('香格里拉的培训', { 2: null })]), false));
    expect(errors).toEqual(['3:受训人员所在县代码:超出数据范围']);
  });

  it('writes exactly the rows with their audit entries, organisers linked by name or kept as written', async () => {
    const [before, audits] = [await stored(), await auditCount(t, 'training')];
    const result = await importTrainings(t.database.db, systemContext, await sheet([row('链接主办单位的培训'), row('照写主办单位的培训', { 2: '某社会培训机构' }), row('结对的培训', { 11: pairingId })]), false);
    expect(result).toMatchObject({ total: 3, imported: 3, skipped: [] });
    const added = (await stored()).slice(before.length);
    expect(added.map((x) => [x.title, x.organiser_org_id, x.organiser_name, x.pairing_id])).toEqual([
      ['链接主办单位的培训', organiser.id, null, null], ['照写主办单位的培训', null, '某社会培训机构', null], ['结对的培训', organiser.id, null, pairingId],
    ]);
    expect(await auditCount(t, 'training')).toBe(audits + 4); // three creations and the import
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'training').where('action', '=', 'create').orderBy('id', 'desc').limit(3).execute();
    for (const x of added) {
      expect(entries.find((e) => Number(e.entity_id) === x.id)?.after).toMatchObject({ id: x.id, title: x.title, organiserOrgId: x.organiser_org_id, placeName: '香格里拉市', claimStatus: x.claim_status });
    }
  });
});
