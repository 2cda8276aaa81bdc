import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { daysAgo, makeCertifiedProduct, makeOrg, makePairing, makeSupplier } from '../../testing/factories.ts';

const t = useTestApp();
let district: { id: number; name: string };
let supplier: { id: number; name: string };
let product: { id: number; name: string };

beforeAll(async () => {
  district = await makeOrg(t, { side: 'east' });
  supplier = await makeSupplier(t);
  product = await makeCertifiedProduct(t, supplier.id);
});

const sale = (overrides: Record<string, unknown> = {}) => ({
  soldOn: daysAgo(3), productId: product.id, channel: 'livestream', buyerType: 'individual', creditedOrgId: district.id, amountFen: 52_700_000, quantity: 1054, unit: '斤', households: 120, ...overrides,
});
const summary = async (by: string, extra = '') => (await t.call('GET', `/api/v1/sales/summary?by=${by}&credited=${district.id}${extra}`)).body;

describe('消费帮扶销售', () => {
  it('records a sale of a certified product, counted and credited to the east-side unit', async () => {
    const res = await t.call('POST', '/api/v1/sales', sale());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ category: 'fungi', supplierId: supplier.id, countyCode: '533401', certified: true, dupStatus: 'unique', credited: district.name, amountFen: 52_700_000 });
    const s = await summary('channel');
    expect(s.rows).toEqual([{ key: 'livestream', label: '直播带货', amountFen: 52_700_000, count: 1, households: 120 }]);
    expect(s).toMatchObject({ totalFen: 52_700_000, certifiedFen: 52_700_000, certifiedShare: 1 });
  });

  it('flags a sale alike in supplier, channel, date, amount and credited unit instead of counting it twice', async () => {
    const first = await t.call('POST', '/api/v1/sales', sale({ soldOn: daysAgo(5), amountFen: 100_000, channel: 'counter' }));
    const again = await t.call('POST', '/api/v1/sales', sale({ soldOn: daysAgo(5), amountFen: 100_000, channel: 'counter', note: '区里又报了一次' }));
    expect(first.body.dupStatus).toBe('unique');
    expect(again.body.dupStatus).toBe('flagged');
    let s = await summary('channel', '&channel=counter');
    expect(s).toMatchObject({ totalFen: 100_000, count: 1, flagged: { count: 1, amountFen: 100_000 } });
    expect((await t.call('POST', `/api/v1/sales/${first.body.id}/duplicate`, { decision: 'distinct' })).status).toBe(422);
    const decided = await t.call('POST', `/api/v1/sales/${again.body.id}/duplicate`, { decision: 'distinct', comment: '两笔不同订单' });
    expect(decided.body.dupStatus).toBe('distinct');
    s = await summary('channel', '&channel=counter');
    expect(s).toMatchObject({ totalFen: 200_000, count: 2, flagged: { count: 0 } });
    const third = await t.call('POST', '/api/v1/sales', sale({ soldOn: daysAgo(5), amountFen: 100_000, channel: 'counter' }));
    await t.call('POST', `/api/v1/sales/${third.body.id}/duplicate`, { decision: 'duplicate' });
    expect((await summary('channel', '&channel=counter')).totalFen).toBe(200_000);
  });

  it('refuses a sale of a delisted product dated after the delisting, and counts earlier ones as certified', async () => {
    const p = await makeCertifiedProduct(t, supplier.id);
    await t.call('POST', `/api/v1/products/${p.id}/steps`, { action: 'delist', reason: 'quality', actedOn: daysAgo(4) });
    let res = await t.call('POST', '/api/v1/sales', sale({ productId: p.id, soldOn: daysAgo(2) }));
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(`已于 ${daysAgo(4)} 下架`);
    expect(res.body.issues[0].path).toBe('soldOn');
    res = await t.call('POST', '/api/v1/sales', sale({ productId: p.id, soldOn: daysAgo(6), amountFen: 777 }));
    expect(res.body.certified).toBe(true);
  });

  it('counts a sale of an uncertified category apart in the certified share', async () => {
    const other = await makeOrg(t, { side: 'east' });
    await t.call('POST', '/api/v1/sales', sale({ creditedOrgId: other.id, amountFen: 30_000 }));
    await t.call('POST', '/api/v1/sales', sale({ creditedOrgId: other.id, productId: null, supplierId: supplier.id, category: 'tea', amountFen: 10_000, channel: 'union', buyerType: 'union' }));
    const s = (await t.call('GET', `/api/v1/sales/summary?by=category&credited=${other.id}`)).body;
    expect(s).toMatchObject({ totalFen: 40_000, certifiedFen: 30_000, certifiedShare: 0.75 });
    expect(s.rows.map((r: { label: string }) => r.label)).toEqual(['菌菇', '茶叶']);
    const byMonth = (await t.call('GET', `/api/v1/sales/summary?by=month&credited=${other.id}`)).body;
    expect(byMonth.rows.reduce((n: number, r: { amountFen: number }) => n + r.amountFen, 0)).toBe(40_000);
    const byCounty = (await t.call('GET', `/api/v1/sales/summary?by=county&credited=${other.id}`)).body;
    expect(byCounty.rows).toEqual([expect.objectContaining({ key: '533401', label: '香格里拉市', amountFen: 40_000 })]);
    const byCredited = (await t.call('GET', `/api/v1/sales/summary?by=credited&credited=${other.id}`)).body;
    expect(byCredited.rows[0]).toMatchObject({ key: `o${other.id}`, label: other.name });
  });

  it('names the field of bad input', async () => {
    let res = await t.call('POST', '/api/v1/sales', sale({ amountFen: 0 }));
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('amountFen');
    res = await t.call('POST', '/api/v1/sales', sale({ productId: null, supplierId: supplier.id, category: null }));
    expect(res.body.issues[0].path).toBe('category');
    res = await t.call('POST', '/api/v1/sales', sale({ productId: null, category: 'tea', supplierName: '某合作社', countyCode: null }));
    expect(res.body.issues[0].path).toBe('countyCode');
    const west = await makeOrg(t, { side: 'west', type: 'township', regionCode: '533401101' });
    res = await t.call('POST', '/api/v1/sales', sale({ creditedOrgId: west.id }));
    expect(res.body.issues[0].path).toBe('creditedOrgId');
    res = await t.call('POST', '/api/v1/sales', sale({ soldOn: '2099-01-01' }));
    expect(res.body.issues[0].path).toBe('soldOn');
  });

  it('lets a district see the sales of its paired county and sales credited to it, and nothing else', async () => {
    const pairing = await makePairing(t);
    const admin = await t.userWith({ roles: ['district_admin'], orgId: pairing.eastOrg.id, scopes: [{ orgId: pairing.eastOrg.id }] });
    const mine = await t.call('POST', '/api/v1/sales', sale({ creditedOrgId: pairing.eastOrg.id, amountFen: 4242 }));
    const outside = await makeSupplier(t, { regionCode: '632621100' });
    const far = await t.call('POST', '/api/v1/sales', sale({ productId: null, supplierId: outside.id, category: 'meat_egg', amountFen: 999 }));
    const list = await t.call('GET', '/api/v1/sales?pageSize=200', undefined, admin.caller);
    const ids = list.body.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(far.body.id);
    expect((await t.call('GET', `/api/v1/sales/${far.body.id}`, undefined, admin.caller)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/suppliers/${supplier.id}`, undefined, admin.caller)).status).toBe(200);
    expect((await t.call('GET', `/api/v1/suppliers/${outside.id}`, undefined, admin.caller)).status).toBe(404);
    const res = await t.call('POST', '/api/v1/sales', sale({ productId: null, supplierId: null, supplierName: '果洛某合作社', countyCode: '632621', category: 'meat_egg', creditedOrgId: district.id }), admin.caller);
    expect(res.status).toBe(403);
  });
});

describe('供应主体', () => {
  it('requires a recipient place, keeps registration numbers unique, and refuses to delete one with products', async () => {
    let res = await t.call('POST', '/api/v1/suppliers', { name: '上海某公司', kind: 'enterprise', regionCode: '310112' });
    expect(res.body.issues[0].path).toBe('regionCode');
    const a = await makeSupplier(t, { registrationNo: '93533401MA6UNIQUE1' });
    res = await t.call('POST', '/api/v1/suppliers', { name: '另一家', kind: 'enterprise', regionCode: '533401', registrationNo: '93533401MA6UNIQUE1' });
    expect(res.status).toBe(409);
    expect(res.body.issues[0].path).toBe('registrationNo');
    expect((await t.call('DELETE', `/api/v1/suppliers/${supplier.id}`)).status).toBe(409);
    expect((await t.call('DELETE', `/api/v1/suppliers/${a.id}`)).status).toBe(204);
    const got = (await t.call('GET', `/api/v1/suppliers/${supplier.id}`)).body;
    expect(got).toMatchObject({ countyCode: '533401', countyName: '香格里拉市', mechanisms: ['order'], householdsLinked: 30 });
    expect(got.productCounts.certified).toBeGreaterThanOrEqual(1);
  });
});
