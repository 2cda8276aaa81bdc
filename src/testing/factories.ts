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
