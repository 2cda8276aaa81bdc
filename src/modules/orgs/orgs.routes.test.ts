import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();

describe('organisations API', () => {
  it('creates an organisation with its region path and audits it in the same transaction', async () => {
    const before = await auditCount(t, 'org');
    const res = await t.call('POST', '/api/v1/orgs', { name: '闵行区侨联（测试）', type: 'social_org', side: 'east', regionCode: '310112', aliases: ['区侨联', '区侨联'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ side: 'east', aliases: ['区侨联'], region: { code: '310112', fullName: '上海市 闵行区' } });
    expect(await auditCount(t, 'org')).toBe(before + 1);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'org').where('entity_id', '=', String(res.body.id)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect((audit.after as { name: string }).name).toBe('闵行区侨联（测试）');
  });

  it('refuses an unknown region code, naming the field, and writes nothing', async () => {
    const orgsBefore = await t.database.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const auditBefore = await auditCount(t);
    const res = await t.call('POST', '/api/v1/orgs', { name: '某单位', type: 'other', side: 'west', regionCode: '999999' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message).toContain('regionCode');
    expect(res.body.message).toContain('999999');
    expect(res.body.issues[0].path).toBe('regionCode');
    const orgsAfter = await t.database.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(orgsAfter.n).toEqual(orgsBefore.n);
    expect(await auditCount(t)).toBe(auditBefore);
  });

  it('answers a malformed body with 400 naming each field, in Chinese', async () => {
    const res = await t.call('POST', '/api/v1/orgs', { name: '甲', type: 'nonsense', side: 'north' });
    expect(res.status).toBe(400);
    const paths = res.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'type', 'side']));
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a duplicate name with 409', async () => {
    const org = await makeOrg(t);
    const res = await t.call('POST', '/api/v1/orgs', { name: org.name, type: 'other', side: 'east' });
    expect(res.status).toBe(409);
    expect(res.body.issues[0].path).toBe('name');
  });

  it('keeps parents on the same side and refuses cycles', async () => {
    const district = await makeOrg(t);
    const street = await makeOrg(t, { type: 'subdistrict', parentId: district.id });
    const cross = await t.call('POST', '/api/v1/orgs', { name: '受援乡镇X', type: 'township', side: 'west', parentId: district.id });
    expect(cross.status).toBe(400);
    expect(cross.body.issues[0].path).toBe('parentId');
    const cycle = await t.call('PATCH', `/api/v1/orgs/${district.id}`, { parentId: street.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.message).toContain('下级');
  });

  it('lists with paging, filters and sorting', async () => {
    await makeOrg(t, { side: 'west', type: 'township', regionCode: '632621100' });
    const page = await t.call('GET', '/api/v1/orgs?side=west&region=6326&pageSize=1&sort=name&order=desc');
    expect(page.status).toBe(200);
    expect(page.body.pageSize).toBe(1);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
    expect(page.body.items[0].regionCode.startsWith('6326')).toBe(true);
    const bad = await t.call('GET', '/api/v1/orgs?pageSize=100000');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('pageSize');
  });

  it('leaves what a PATCH omits untouched', async () => {
    const org = await makeOrg(t, { aliases: ['简称甲'], note: '原备注' });
    const res = await t.call('PATCH', `/api/v1/orgs/${org.id}`, { note: '新备注' });
    expect(res.body).toMatchObject({ aliases: ['简称甲'], note: '新备注' });
  });

  it('will not delete an organisation that still has pairings', async () => {
    const p = await makePairing(t);
    const res = await t.call('DELETE', `/api/v1/orgs/${p.eastOrg.id}`);
    expect(res.status).toBe(409);
    expect((await t.call('GET', `/api/v1/orgs/${p.eastOrg.id}`)).status).toBe(200);
    const lone = await makeOrg(t);
    expect((await t.call('DELETE', `/api/v1/orgs/${lone.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/orgs/${lone.id}`)).status).toBe(404);
  });

  it('shows the pairing graph of an east unit and its sub-units', async () => {
    const district = await makeOrg(t);
    const town = await makeOrg(t, { type: 'town', parentId: district.id });
    const p = await makePairing(t, { eastOrgId: town.id });
    const graph = await t.call('GET', `/api/v1/orgs/${district.id}/graph`);
    expect(graph.status).toBe(200);
    expect(graph.body.units.map((u: { id: number }) => u.id)).toEqual([district.id, town.id]);
    expect(graph.body.pairings.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect(graph.body.counterparts[0].orgId).toBe(p.westOrg.id);
  });
});
