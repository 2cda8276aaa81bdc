import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';
import { xlsxOf } from '../../testing/xlsx.ts';
import { systemContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { importDonations } from './donations.excel.ts';

const t = useTestApp();
const HEADERS = ['捐赠方', '受赠单位', '受赠地区划代码', '类型', '金额或价值（元）', '用途', '捐赠日期', '结对关系编号'];
let donor: { id: number; name: string };
let recipient: { id: number; name: string };
let pairingId: number;

const row = (purpose: string, over: Partial<Record<number, unknown>> = {}) => {
  const r: unknown[] = [donor.name, recipient.name, '533401', '资金', 5000, purpose, '2031-08-21', null];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
  return r;
};
const sheet = (rows: unknown[][]) => xlsxOf([HEADERS, ...rows]);
const stored = () => t.database.db.selectFrom('donations').select(['id', 'purpose', 'donor_org_id', 'donor_name', 'recipient_org_id', 'county_code', 'value_fen', 'pairing_id']).orderBy('id').execute();
const failure = async (work: Promise<unknown>) => {
  const err = (await work.then(() => null, (e: unknown) => e)) as AppError | null;
  if (!err) throw new Error('the import should have been refused');
  return (err.details as { errors: { row: number; column: string | null; reason: string }[] }).errors.map((e) => `${e.row}:${e.column ?? ''}:${e.reason}`);
};

beforeAll(async () => {
  donor = await makeOrg(t, { regionCode: '310112' });
  recipient = await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401101' });
  pairingId = (await makePairing(t)).id;
});

describe('the donation sheet, checked set-based', () => {
  it('reports every row’s problem and writes nothing', async () => {
    const [before, audits] = [await stored(), await auditCount(t)];
    const errors = await failure(importDonations(t.database.db, systemContext, await sheet([
      row('合格的捐赠'),
      row('未知受赠单位', { 1: '没有这个单位' }),
      row('没有受赠方', { 1: null, 2: null }),
      row('未知受赠地', { 2: '533401999' }),
      row('受赠单位不在受赠地', { 2: '632621' }),
      row('结对不符', { 1: null, 2: '632621', 7: pairingId }),
      row('未知结对', { 7: 999_999 }),
    ]), false));
    expect(errors).toEqual([
      '3:受赠单位:找不到组织「没有这个单位」',
      '4:受赠单位:请填写受赠方（组织或地点）',
      '5:受赠地区划代码:未知的区划代码 533401999',
      `6:受赠单位:受赠单位${recipient.name}不在受赠地 玛沁县 范围内`,
      expect.stringMatching(/^7:受赠地区划代码:632621 不在该结对关系的受援方.+所在地范围内$/),
      '8:结对关系编号:结对关系 999999 不存在或不在您的数据范围内',
    ]);
    expect(await stored()).toEqual(before);
    expect(await auditCount(t)).toBe(audits);
  });

  it('writes exactly the rows with their audit entries, donors linked by name or kept as written', async () => {
    const [before, audits] = [await stored(), await auditCount(t, 'donation')];
    const result = await importDonations(t.database.db, systemContext, await sheet([row('链接捐赠方'), row('照写捐赠方', { 0: '某爱心人士' }), row('结对的捐赠', { 7: pairingId })]), false);
    expect(result).toMatchObject({ total: 3, imported: 3, skipped: [] });
    const added = (await stored()).slice(before.length);
    expect(added.map((x) => [x.purpose, x.donor_org_id, x.donor_name, x.recipient_org_id, x.county_code, x.value_fen, x.pairing_id])).toEqual([
      ['链接捐赠方', donor.id, null, recipient.id, '533401', 500_000, null],
      ['照写捐赠方', null, '某爱心人士', recipient.id, '533401', 500_000, null],
      ['结对的捐赠', donor.id, null, recipient.id, '533401', 500_000, pairingId],
    ]);
    expect(await auditCount(t, 'donation')).toBe(audits + 4); // three creations and the import
    const entries = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'donation').where('action', '=', 'create').orderBy('id', 'desc').limit(3).execute();
    for (const x of added) {
      expect(entries.find((e) => Number(e.entity_id) === x.id)?.after).toMatchObject({ id: x.id, purpose: x.purpose, recipient: recipient.name, valueFen: 500_000, items: [], claimStatus: 'confirmed' });
    }
  });
});
