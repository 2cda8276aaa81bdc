import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();

describe('pairing rules', () => {
  it('pairs an east unit with a west unit', async () => {
    const east = await makeOrg(t);
    const west = await makeOrg(t, { side: 'west', type: 'party_government', regionCode: '533401' });
    const res = await t.call('POST', '/api/v1/pairings', { type: 'east_west', eastOrgId: east.id, westOrgId: west.id, startDate: '2021-01-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'east_west', status: 'active', endDate: null, eastOrg: { id: east.id }, westOrg: { id: west.id, regionName: '香格里拉市' } });
  });

  it('refuses to pair two east units, naming the recipient field', async () => {
    const a = await makeOrg(t);
    const b = await makeOrg(t);
    const before = await auditCount(t, 'pairing');
    const res = await t.call('POST', '/api/v1/pairings', { type: 'other', eastOrgId: a.id, westOrgId: b.id, startDate: '2021-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('westOrgId');
    expect(res.body.message).toContain('帮扶方');
    expect(await auditCount(t, 'pairing')).toBe(before);
  });

  it('refuses an end before the start', async () => {
    const res = await t.call('POST', '/api/v1/pairings', { type: 'other', eastOrgId: 1, westOrgId: 2, startDate: '2021-05-01', endDate: '2021-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain('endDate');
  });

  it('refuses an impossible date', async () => {
    const res = await t.call('POST', '/api/v1/pairings', { type: 'other', eastOrgId: 1, westOrgId: 2, startDate: '2021-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('startDate');
  });

  it('refuses the same two units and type over overlapping dates, but allows consecutive terms', async () => {
    const first = await makePairing(t, { startDate: '2018-01-01', endDate: '2020-12-31' });
    const base = { type: 'xieshou', eastOrgId: first.eastOrg.id, westOrgId: first.westOrg.id };
    const overlap = await t.call('POST', '/api/v1/pairings', { ...base, startDate: '2020-06-01' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.details.existingId).toBe(first.id);
    const next = await t.call('POST', '/api/v1/pairings', { ...base, startDate: '2021-01-01' });
    expect(next.status).toBe(201);
    const otherType = await t.call('POST', '/api/v1/pairings', { ...base, type: 'department', startDate: '2019-01-01' });
    expect(otherType.status).toBe(201);
    const stretch = await t.call('PATCH', `/api/v1/pairings/${first.id}`, { endDate: null });
    expect(stretch.status).toBe(409);
  });

  it('lets only one of two concurrent identical pairings through', async () => {
    const east = await makeOrg(t);
    const west = await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401102' });
    const body = { type: 'xieshou', eastOrgId: east.id, westOrgId: west.id, startDate: '2022-01-01' };
    const results = await Promise.all([t.call('POST', '/api/v1/pairings', body), t.call('POST', '/api/v1/pairings', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('leaves what a PATCH omits untouched', async () => {
    const p = await makePairing(t, { status: 'suspended', note: '原备注' });
    const res = await t.call('PATCH', `/api/v1/pairings/${p.id}`, { note: '新备注' });
    expect(res.body).toMatchObject({ status: 'suspended', note: '新备注' });
    const a = await t.call('POST', `/api/v1/pairings/${p.id}/agreements`, { year: 2022, pledgedFen: 12345 });
    const patched = await t.call('PATCH', `/api/v1/agreements/${a.body.id}`, { title: '补充协议' });
    expect(patched.body).toMatchObject({ pledgedFen: 12345, title: '补充协议' });
  });

  it('answers 404 for a pairing that does not exist', async () => {
    const res = await t.call('GET', '/api/v1/pairings/99999999');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('agreements under a pairing', () => {
  it('records pledged amounts in fen and sums them on the pairing', async () => {
    const p = await makePairing(t);
    const a = await t.call('POST', `/api/v1/pairings/${p.id}/agreements`, { year: 2020, signedOn: '2020-04-01', pledgedFen: 5_000_000_000, documentNo: '闵合〔2020〕1号' });
    expect(a.status).toBe(201);
    await t.call('POST', `/api/v1/pairings/${p.id}/agreements`, { year: 2021, pledgedFen: 1 });
    const got = await t.call('GET', `/api/v1/pairings/${p.id}`);
    expect(got.body).toMatchObject({ agreementCount: 2, pledgedFen: 5_000_000_001 });
    const list = await t.call('GET', `/api/v1/pairings/${p.id}/agreements`);
    expect(list.body.map((x: { year: number }) => x.year)).toEqual([2020, 2021]);
  });

  it('refuses negative and fractional amounts, naming the field', async () => {
    const p = await makePairing(t);
    for (const pledgedFen of [-1, 1.5, '100']) {
      const res = await t.call('POST', `/api/v1/pairings/${p.id}/agreements`, { year: 2020, pledgedFen });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe('pledgedFen');
    }
  });
});

describe('coverage and listing', () => {
  it("changes a county's township coverage when a township is paired", async () => {
    const before = await t.call('GET', '/api/v1/coverage/632621?year=2024');
    expect(before.status).toBe(200);
    const township = before.body.units.find((u: { paired: boolean }) => !u.paired);
    const west = await makeOrg(t, { side: 'west', type: 'township', regionCode: township.code });
    const p = await makePairing(t, { westOrgId: west.id, startDate: '2023-01-01' });
    const after = await t.call('GET', '/api/v1/coverage/632621?year=2024');
    expect(after.body.totals.pairedTownships).toBe(before.body.totals.pairedTownships + 1);
    const unit = after.body.units.find((u: { code: string }) => u.code === township.code);
    expect(unit).toMatchObject({ paired: true, pairings: [{ pairingId: p.id, type: 'xieshou' }] });
    expect(after.body.byType.find((b: { type: string }) => b.type === 'xieshou').townships).toBeGreaterThanOrEqual(1);
    const earlier = await t.call('GET', '/api/v1/coverage/632621?year=2022');
    expect(earlier.body.totals.pairedTownships).toBe(before.body.totals.pairedTownships);
  });

  it('counts villages paired through 村企结对', async () => {
    const village = await makeOrg(t, { side: 'west', type: 'village_committee', regionCode: '632621100201' });
    const firm = await makeOrg(t, { type: 'private_enterprise' });
    await makePairing(t, { type: 'village_enterprise', eastOrgId: firm.id, westOrgId: village.id });
    const cov = await t.call('GET', '/api/v1/coverage/632621100');
    expect(cov.status).toBe(200);
    expect(cov.body.units.find((u: { code: string }) => u.code === '632621100201').paired).toBe(true);
  });

  it('refuses coverage of a village-level code', async () => {
    const res = await t.call('GET', '/api/v1/coverage/533401102201');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('code');
  });

  it('filters pairings by organisation subtree, region and year', async () => {
    const district = await makeOrg(t);
    const town = await makeOrg(t, { type: 'town', parentId: district.id });
    const p = await makePairing(t, { eastOrgId: town.id, startDate: '2015-01-01', endDate: '2016-12-31' });
    const byOrg = await t.call('GET', `/api/v1/pairings?org=${district.id}`);
    expect(byOrg.body.items.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect((await t.call('GET', `/api/v1/pairings?org=${district.id}&year=2020`)).body.total).toBe(0);
    expect((await t.call('GET', `/api/v1/pairings?org=${district.id}&region=533401101&year=2016`)).body.total).toBe(1);
  });
});
