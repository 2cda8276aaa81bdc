import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { systemContext } from '../../platform/context.ts';
import { createOrg } from '../orgs/orgs.service.ts';
import { createPairing } from '../pairings/pairings.service.ts';
import { createSupplierIn } from '../suppliers/suppliers.service.ts';

/**
 * Ownership and attribution, as the issue found them: a district may name another district or a
 * county in its records, but that never lets the other write, and the figure counts in the other's
 * totals only once it confirms. Totals are checked against the records summed by hand.
 */
const t = useTestApp();
const X = '533401';
const Y = '632621';
let distA: number, distB: number, westX: number, westY: number, pairA: number, pairB: number, supplierX: number;
let asA: Caller, asB: Caller, asCountyX: Caller;

const org = async (name: string, side: 'east' | 'west', regionCode: string, type = side === 'east' ? 'party_government' : 'township') =>
  (await createOrg(t.database.db, systemContext, { name, type: type as never, side, regionCode, aliases: [] })).id;

beforeAll(async () => {
  const db = t.database.db;
  distA = await org('认领甲区', 'east', '310112');
  distB = await org('认领乙区', 'east', '310105');
  westX = await org('认领X县单位', 'west', `${X}101`);
  westY = await org('认领Y县单位', 'west', `${Y}100`);
  pairA = (await createPairing(db, systemContext, { type: 'xieshou', eastOrgId: distA, westOrgId: westX, startDate: '2020-01-01', status: 'active' })).id;
  pairB = (await createPairing(db, systemContext, { type: 'xieshou', eastOrgId: distB, westOrgId: westY, startDate: '2020-01-01', status: 'active' })).id;
  supplierX = (await db.transaction().execute((trx) => createSupplierIn(trx, systemContext, { name: '认领X合作社', kind: 'cooperative', regionCode: `${X}101`, mechanisms: [], householdsLinked: 0, peopleLinked: 0 }))).id;
  asA = (await t.userWith({ roles: ['district_admin'], orgId: distA, scopes: [{ orgId: distA }] })).caller;
  asB = (await t.userWith({ roles: ['district_admin'], orgId: distB, scopes: [{ orgId: distB }] })).caller;
  asCountyX = (await t.userWith({ roles: ['recipient_clerk'], orgId: westX, scopes: [{ regionCode: X }] })).caller;
});

const creditedRow = async (as: Caller, orgId: number) => {
  const res = await t.call('GET', '/api/v1/sales/summary?by=credited', undefined, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.rows as { key: string; amountFen: number }[]).find((r) => r.key === `o${orgId}`)?.amountFen ?? 0;
};

describe('a sale credited to another district', () => {
  let saleId: number;

  it('is owned by its creator, pending for the district it names, and not in that district\'s figures', async () => {
    const res = await t.call('POST', '/api/v1/sales', { soldOn: '2024-05-01', supplierId: supplierX, category: 'tea', channel: 'counter', buyerType: 'individual', creditedOrgId: distB, amountFen: 3_565_100 }, asA);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    saleId = res.body.id;
    expect(res.body).toMatchObject({ owningOrgId: distA, claimStatus: 'pending' });
    expect(await creditedRow(t.admin, distB)).toBe(0);
    const city = await t.call('GET', '/api/v1/sales/summary?by=credited');
    expect((city.body.rows as { key: string; label: string; amountFen: number }[]).find((r) => r.key === '?')).toMatchObject({ label: '（待计入单位确认）', amountFen: 3_565_100 });
  });

  it('cannot be changed or deleted by the district it names', async () => {
    expect((await t.call('PATCH', `/api/v1/sales/${saleId}`, { note: '改写' }, asB)).status).toBe(403);
    expect((await t.call('DELETE', `/api/v1/sales/${saleId}`, undefined, asB)).status).toBe(403);
    expect((await t.call('GET', `/api/v1/sales/${saleId}`, undefined, asB)).status).toBe(200);
  });

  it('is listed for the named district to confirm, and counts for it once confirmed — the sum of its confirmed sales', async () => {
    const incoming = await t.call('GET', '/api/v1/claims?direction=incoming', undefined, asB);
    expect(incoming.body.items).toContainEqual(expect.objectContaining({ kind: 'sale', id: saleId, status: 'pending', amountFen: 3_565_100, owningOrgName: '认领甲区' }));
    expect((await t.call('GET', '/api/v1/claims?direction=incoming', undefined, asCountyX)).body.items.some((c: { id: number; kind: string }) => c.kind === 'sale' && c.id === saleId)).toBe(false);
    // Only the named unit's scope may decide.
    expect((await t.call('POST', `/api/v1/claims/sale/${saleId}/confirm`, {}, asA)).status).toBe(404);
    const ok = await t.call('POST', `/api/v1/claims/sale/${saleId}/confirm`, {}, asB);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await t.call('POST', `/api/v1/claims/sale/${saleId}/confirm`, {}, asB)).status).toBe(422);
    const listed = await t.call('GET', `/api/v1/sales?credited=${distB}&pageSize=200`);
    const byHand = (listed.body.items as { amountFen: number; claimStatus: string; dupStatus: string }[])
      .filter((s) => s.claimStatus === 'confirmed' && s.dupStatus !== 'flagged' && s.dupStatus !== 'duplicate').reduce((n, s) => n + s.amountFen, 0);
    expect(await creditedRow(t.admin, distB)).toBe(byHand);
    expect(byHand).toBe(3_565_100);
    const outgoing = await t.call('GET', '/api/v1/claims?direction=outgoing&status=confirmed', undefined, asA);
    expect(outgoing.body.items).toContainEqual(expect.objectContaining({ kind: 'sale', id: saleId, status: 'confirmed', decidedBy: expect.any(String) }));
    // Confirmed lists only what a named unit confirmed, not records whose creator covered both units.
    expect((outgoing.body.items as { decidedBy: string | null }[]).every((c) => c.decidedBy)).toBe(true);
  });

  it('a sale re-credited to another unit waits for that unit anew', async () => {
    const res = await t.call('PATCH', `/api/v1/sales/${saleId}`, { creditedOrgId: distA }, asA);
    expect(res.body.claimStatus, JSON.stringify(res.body)).toBe('confirmed'); // its own unit: no one else to ask
    const back = await t.call('PATCH', `/api/v1/sales/${saleId}`, { creditedOrgId: distB }, asA);
    expect(back.body.claimStatus).toBe('pending');
    expect(await creditedRow(t.admin, distB)).toBe(0);
  });
});

describe('a donation received by a county unit', () => {
  it('counts in the county\'s totals only once the county confirms; a refusal says why and the creator sees it', async () => {
    const make = async () => {
      const res = await t.call('POST', '/api/v1/donations', { donorName: '认领爱心企业', recipientOrgId: westX, kind: 'cash', valueFen: 50_000_00, donatedOn: '2024-06-01', pairingId: pairA }, asA);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.claimStatus).toBe('pending');
      return res.body.id as number;
    };
    const kept = await make();
    const refused = await make();
    const county = async () => ((await t.call('GET', `/api/v1/donations/totals?by=county&county=${X}`, undefined, asCountyX)).body as { key: string; cashFen: number }[]).find((r) => r.key === X)?.cashFen ?? 0;
    expect(await county()).toBe(0);
    expect((await t.call('POST', `/api/v1/claims/donation/${kept}/confirm`, {}, asCountyX)).status).toBe(200);
    expect((await t.call('POST', `/api/v1/claims/donation/${refused}/refuse`, { reason: '' }, asCountyX)).status).toBe(400);
    expect((await t.call('POST', `/api/v1/claims/donation/${refused}/refuse`, { reason: '未收到该笔捐赠' }, asCountyX)).status).toBe(200);
    const listed = await t.call('GET', `/api/v1/donations?county=${X}&pageSize=200`, undefined, asCountyX);
    const byHand = (listed.body.items as { valueFen: number; claimStatus: string; kind: string }[]).filter((d) => d.claimStatus === 'confirmed' && d.kind === 'cash').reduce((n, d) => n + d.valueFen, 0);
    expect(await county()).toBe(byHand);
    expect(byHand).toBe(50_000_00);
    const outgoing = await t.call('GET', '/api/v1/claims?direction=outgoing&status=refused', undefined, asA);
    expect(outgoing.body.items).toContainEqual(expect.objectContaining({ kind: 'donation', id: refused, status: 'refused', note: '未收到该笔捐赠' }));
  });

  it('a recipient must lie in the place the donation is recorded for', async () => {
    const res = await t.call('POST', '/api/v1/donations', { donorName: '认领爱心企业', recipientOrgId: westY, recipientRegion: `${X}101`, kind: 'cash', valueFen: 100, donatedOn: '2024-06-01' }, t.admin);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('recipientOrgId');
  });
});

describe('naming another district', () => {
  it('as lead unit lets it read the activity, never change or delete it', async () => {
    const res = await t.call('POST', '/api/v1/activities', { type: 'visit', title: '认领考察', startDate: '2024-03-01', endDate: '2024-03-02', leadOrgId: distB, regionCodes: [], orgIds: [distA], photos: [], links: [] }, asA);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.owningOrgId).toBe(distA);
    expect((await t.call('GET', `/api/v1/activities/${res.body.id}`, undefined, asB)).status).toBe(200);
    expect((await t.call('PATCH', `/api/v1/activities/${res.body.id}`, { title: '改写的标题' }, asB)).status).toBe(403);
    expect((await t.call('DELETE', `/api/v1/activities/${res.body.id}`, undefined, asB)).status).toBe(403);
    expect((await t.call('DELETE', `/api/v1/activities/${res.body.id}`, undefined, asA)).status).toBe(204);
  });

  it('a participant must come from the pairing\'s two ends', async () => {
    const res = await t.call('POST', '/api/v1/activities', { type: 'visit', title: '认领考察', startDate: '2024-03-01', endDate: '2024-03-02', pairingId: pairA, regionCodes: [], orgIds: [westY], photos: [], links: [] }, asA);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('orgIds.0');
  });

  it('as owner of a new record is refused unless it lies in the creator\'s scope', async () => {
    const res = await t.call('POST', '/api/v1/trainings', { title: '认领培训', kind: 'training', startDate: '2024-03-01', endDate: '2024-03-02', targetGroup: 'officials', batches: 1, participants: 10, personTimes: 10, pairingId: pairA, owningOrgId: distB }, asA);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('owningOrgId');
  });

  it('a project under another district\'s pairing is refused like an unknown one', async () => {
    const body = (pairingId: number) => ({ name: '认领项目', startYear: 2024, endYear: 2024, level: 'district', category: 'industry', regionCode: `${X}101`, pairingId, eastOrgId: distA,
      funds: { shanghaiFen: 100, integratedFen: 0, socialFen: 0, selfFen: 0 }, beneficiaries: {}, budgetItems: [], outputs: [], milestones: [], attachments: [] });
    const foreign = await t.call('POST', '/api/v1/projects', body(pairB), asA);
    const unknown = await t.call('POST', '/api/v1/projects', body(1_999_999_999), asA);
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues).toEqual([{ path: 'pairingId', message: `结对关系 ${pairB} 不存在或不在您的数据范围内` }]);
    expect(unknown.body.issues).toEqual([{ path: 'pairingId', message: '结对关系 1999999999 不存在或不在您的数据范围内' }]);
  });
});
