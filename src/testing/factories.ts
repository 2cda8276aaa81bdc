import { addDays, todayInChina } from '../modules/products/products.workflow.ts';
import type { TestApp } from './test-app.ts';

let seq = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}-${++seq}`;

/** Builds valid records through the API, with their parents. */
export async function makeOrg(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/orgs', { name: unique('测试单位'), type: 'party_government', side: 'east', regionCode: '310112', ...overrides });
  if (res.status !== 201) throw new Error(`makeOrg failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string };
}

export async function makePairing(t: TestApp, overrides: Record<string, unknown> = {}) {
  const east = overrides.eastOrgId ? null : await makeOrg(t, { side: 'east' });
  const west = overrides.westOrgId ? null : await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401101' });
  const res = await t.call('POST', '/api/v1/pairings', { type: 'xieshou', eastOrgId: east?.id, westOrgId: west?.id, startDate: '2020-01-01', ...overrides });
  if (res.status !== 201) throw new Error(`makePairing failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: number; eastOrg: { id: number }; westOrg: { id: number } };
}

export async function auditCount(t: TestApp, entity?: string): Promise<number> {
  let q = t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (entity) q = q.where('entity', '=', entity);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A supplier in 香格里拉市 (533401) unless told otherwise. */
export async function makeSupplier(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/suppliers', { name: unique('测试合作社'), kind: 'cooperative', regionCode: '533401101', mechanisms: ['order'], householdsLinked: 30, peopleLinked: 95, ...overrides });
  if (res.status !== 201) throw new Error(`makeSupplier failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string; countyCode: string };
}

/** A date `n` days before today (China), so workflow dates stay in the past whatever day the tests run. */
export const daysAgo = (n: number) => addDays(todayInChina(), -n);

export const productBody = (supplierId: number, overrides: Record<string, unknown> = {}) => ({
  supplierId, name: unique('松茸'), category: 'fungi', originRegion: '533401101', specification: '500克/盒', priceFen: 16_800, unit: '盒',
  qualityDocuments: ['检验报告 2024-031'], benefitNote: '订单收购建档立卡户松茸，带动 30 户', appliedOn: daysAgo(40), ...overrides,
});

/**
 * A product taken through the whole certification as the administrator: every required
 * department's opinion, 审定, a 7-day 公示 and 认定 ten days ago, valid for a year from today.
 */
export async function makeCertifiedProduct(t: TestApp, supplierId: number, overrides: Record<string, unknown> = {}) {
  const step = async (url: string, body: unknown) => {
    const res = await t.call('POST', url, body);
    if (res.status !== 200) throw new Error(`${url} failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const applied = await t.call('POST', '/api/v1/products', productBody(supplierId, overrides));
  if (applied.status !== 201) throw new Error(`apply failed: ${JSON.stringify(applied.body)}`);
  const id = applied.body.id as number;
  for (const department of ['agriculture', 'market', 'industry', 'rural']) await step(`/api/v1/products/${id}/opinions`, { department, agree: true, givenOn: daysAgo(35) });
  await step(`/api/v1/products/${id}/steps`, { action: 'decide', approve: true, reason: '符合认定条件', actedOn: daysAgo(30) });
  await step(`/api/v1/products/${id}/steps`, { action: 'start_notice', noticeStart: daysAgo(29) });
  return (await step(`/api/v1/products/${id}/steps`, { action: 'certify', batchNo: '测试第1批', validUntil: addDays(todayInChina(), 365), actedOn: daysAgo(10) })) as {
    id: number; name: string; status: string; certifiedOn: string; validUntil: string;
  };
}
