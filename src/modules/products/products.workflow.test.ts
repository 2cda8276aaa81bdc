import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, daysAgo, makeCertifiedProduct, makeSupplier, productBody } from '../../testing/factories.ts';
import { expireDue } from './products.expiry.ts';
import { addDays, todayInChina } from './products.workflow.ts';

const t = useTestApp();
const steps = (id: number) => `/api/v1/products/${id}/steps`;
const opinions = (id: number) => `/api/v1/products/${id}/opinions`;

async function apply(overrides: Record<string, unknown> = {}) {
  const s = await makeSupplier(t);
  const res = await t.call('POST', '/api/v1/products', productBody(s.id, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; status: string; nextActions: string[]; missingOpinions: string[] };
}
const allOpinions = async (id: number, agree = true) => {
  for (const department of ['agriculture', 'market', 'industry', 'rural']) expect((await t.call('POST', opinions(id), { department, agree, givenOn: daysAgo(35) })).status).toBe(200);
};

describe('产品认定：申请 → 初审 → 审定 → 公示 → 认定', () => {
  it('runs the whole workflow, every step recorded and audited, and the product reaches the public catalogue', async () => {
    const p = await apply();
    expect(p.status).toBe('applied');
    expect(p.missingOpinions).toEqual(['agriculture', 'market', 'industry', 'rural']);
    const auditBefore = await auditCount(t, 'product');
    await allOpinions(p.id);
    let res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '材料齐全，带贫机制明确', actedOn: daysAgo(30), documentNo: '香农认〔2024〕3号' });
    expect(res.body.status).toBe('approved');
    res = await t.call('POST', steps(p.id), { action: 'start_notice', noticeStart: daysAgo(29) });
    expect(res.body).toMatchObject({ status: 'notice', noticeStart: daysAgo(29), noticeEnd: daysAgo(23) });
    res = await t.call('POST', `/api/v1/products/${p.id}/objections`, { receivedOn: daysAgo(27), objector: '匿名', content: '价格偏高' });
    const objection = res.body.objections[0];
    res = await t.call('POST', `/api/v1/products/${p.id}/objections/${objection.id}/resolve`, { upheld: false, resolution: '经核价格合理', resolvedOn: daysAgo(25) });
    expect(res.body.objections[0]).toMatchObject({ upheld: false, resolvedOn: daysAgo(25) });
    res = await t.call('POST', steps(p.id), { action: 'certify', batchNo: '2024年第一批', validUntil: addDays(todayInChina(), 300), actedOn: daysAgo(20) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'certified', batchNo: '2024年第一批', certifiedOn: daysAgo(20) });
    expect(res.body.steps.map((s: { action: string }) => s.action)).toEqual(['apply', 'opinion', 'opinion', 'opinion', 'opinion', 'decide', 'start_notice', 'objection', 'resolve_objection', 'certify']);
    expect(res.body.steps[5]).toMatchObject({ fromStatus: 'reviewing', toStatus: 'approved', documentNo: '香农认〔2024〕3号' });
    expect(await auditCount(t, 'product')).toBe(auditBefore + 9);

    const pub = await t.call('GET', `/api/v1/public/catalogue?pageSize=200`, undefined, null);
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((i: { id: number }) => i.id)).toContain(p.id);
  });

  it('refuses a decision until every required department has given its opinion, and approval over a dissent', async () => {
    const p = await apply();
    await t.call('POST', opinions(p.id), { department: 'agriculture', agree: true });
    let res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意' });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('市场监管');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['opinions.market', 'opinions.industry', 'opinions.rural']);
    for (const department of ['market', 'industry']) await t.call('POST', opinions(p.id), { department, agree: true });
    await t.call('POST', opinions(p.id), { department: 'rural', agree: false, comment: '联农带农机制未落实' });
    res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意' });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('乡村振兴');
    res = await t.call('POST', steps(p.id), { action: 'decide', approve: false, reason: '带贫机制未落实' });
    expect(res.body).toMatchObject({ status: 'rejected', decisionReason: '带贫机制未落实' });
  });

  it('refuses steps out of order, a notice shorter than the set period, and certification before the notice ends', async () => {
    const p = await apply();
    let res = await t.call('POST', steps(p.id), { action: 'certify', batchNo: 'x', validUntil: '2030-01-01' });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('已申请');
    await allOpinions(p.id);
    await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意', actedOn: daysAgo(30) });
    res = await t.call('POST', steps(p.id), { action: 'start_notice', noticeStart: daysAgo(3), noticeDays: 3 });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'noticeDays' });
    expect(res.body.message).toContain('不得少于 7 天');
    res = await t.call('POST', steps(p.id), { action: 'start_notice', noticeStart: daysAgo(3) });
    expect(res.body.status).toBe('notice');
    res = await t.call('POST', steps(p.id), { action: 'certify', batchNo: '2024-1', validUntil: addDays(todayInChina(), 100) });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('期满后');
    res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '再审', actedOn: daysAgo(40) });
    expect(res.status).toBe(422);
  });

  it('refuses a step dated before the previous one or in the future, and certification with an open objection', async () => {
    const p = await apply();
    await allOpinions(p.id);
    let res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意', actedOn: daysAgo(36) });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('actedOn');
    res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意', actedOn: addDays(todayInChina(), 1) });
    expect(res.body.message).toContain('不能晚于今天');
    await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意', actedOn: daysAgo(30) });
    await t.call('POST', steps(p.id), { action: 'start_notice', noticeStart: daysAgo(29) });
    await t.call('POST', `/api/v1/products/${p.id}/objections`, { receivedOn: daysAgo(28), content: '产地不实' });
    res = await t.call('POST', steps(p.id), { action: 'certify', batchNo: '1', validUntil: addDays(todayInChina(), 100) });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('异议未处理');
    const oid = (await t.call('GET', `/api/v1/products/${p.id}`)).body.objections[0].id;
    res = await t.call('POST', `/api/v1/products/${p.id}/objections/${oid}/resolve`, { upheld: true, resolution: '经查产地不实' });
    expect(res.body.status).toBe('rejected');
  });

  it('bounds the validity by the rules and refuses a price of zero', async () => {
    const s = await makeSupplier(t);
    let res = await t.call('POST', '/api/v1/products', productBody(s.id, { priceFen: 0 }));
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'priceFen', message: '价格必须大于 0' });
    res = await t.call('POST', '/api/v1/products', productBody(s.id, { originRegion: '310112' }));
    expect(res.body.issues[0].path).toBe('originRegion');
    const p = await apply();
    await allOpinions(p.id);
    await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意', actedOn: daysAgo(30) });
    await t.call('POST', steps(p.id), { action: 'start_notice', noticeStart: daysAgo(29) });
    res = await t.call('POST', steps(p.id), { action: 'certify', batchNo: '1', validUntil: addDays(todayInChina(), 4000) });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('validUntil');
  });
});

describe('认定之后：年度复核、下架、重新上架、撤销、到期', () => {
  it('delists with a reason, relists, fails an annual review, revokes; the catalogue follows', async () => {
    const s = await makeSupplier(t);
    const p = await makeCertifiedProduct(t, s.id);
    const inCatalogue = async () => (await t.call('GET', '/api/v1/public/catalogue?pageSize=200', undefined, null)).body.items.some((i: { id: number }) => i.id === p.id);
    expect(await inCatalogue()).toBe(true);
    let res = await t.call('POST', steps(p.id), { action: 'annual_review', passed: true, actedOn: daysAgo(5) });
    expect(res.body).toMatchObject({ status: 'certified', lastReviewedOn: daysAgo(5) });
    res = await t.call('POST', steps(p.id), { action: 'delist', reason: 'quality', actedOn: daysAgo(4) });
    expect(res.body).toMatchObject({ status: 'delisted', endReason: 'quality', endedOn: daysAgo(4) });
    expect(await inCatalogue()).toBe(false);
    res = await t.call('POST', steps(p.id), { action: 'relist', actedOn: daysAgo(3) });
    expect(res.body.status).toBe('certified');
    expect(await inCatalogue()).toBe(true);
    res = await t.call('POST', steps(p.id), { action: 'annual_review', passed: false, actedOn: daysAgo(2) });
    expect(res.body.issues[0].path).toBe('reason');
    res = await t.call('POST', steps(p.id), { action: 'annual_review', passed: false, reason: 'mechanism', actedOn: daysAgo(2) });
    expect(res.body.status).toBe('delisted');
    res = await t.call('POST', steps(p.id), { action: 'revoke', reason: 'price', actedOn: daysAgo(1) });
    expect(res.body.status).toBe('revoked');
    expect((await t.call('POST', steps(p.id), { action: 'relist' })).status).toBe(422);
  });

  it('expires a product after its valid-until date: at once in reads, recorded by the sweep', async () => {
    const s = await makeSupplier(t);
    const p = await makeCertifiedProduct(t, s.id);
    await t.database.db.updateTable('products').set({ valid_until: daysAgo(1) }).where('id', '=', p.id).execute();
    expect((await t.call('GET', `/api/v1/products/${p.id}`)).body.status).toBe('expired');
    expect((await t.call('GET', '/api/v1/public/catalogue?pageSize=200', undefined, null)).body.items.some((i: { id: number }) => i.id === p.id)).toBe(false);
    expect(await expireDue(t.database.db)).toBeGreaterThanOrEqual(1);
    const after = (await t.call('GET', `/api/v1/products/${p.id}`)).body;
    expect(after.steps.at(-1)).toMatchObject({ action: 'expire', fromStatus: 'certified', toStatus: 'expired', actorName: 'system' });
    expect(await expireDue(t.database.db)).toBe(0);
  });
});

describe('roles', () => {
  it('lets a recipient clerk apply and give opinions but not decide, and a leader decide but not apply', async () => {
    const clerk = await t.userWith({ roles: ['recipient_clerk'], scopes: [{ regionCode: '533401' }] });
    const leader = await t.userWith({ roles: ['recipient_leader'], scopes: [{ regionCode: '533401' }] });
    const s = await makeSupplier(t);
    let res = await t.call('POST', '/api/v1/products', productBody(s.id), leader.caller);
    expect(res.status).toBe(403);
    res = await t.call('POST', '/api/v1/products', productBody(s.id), clerk.caller);
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect(res.body.nextActions).toEqual(['edit', 'withdraw', 'opinion']);
    for (const department of ['agriculture', 'market', 'industry', 'rural']) expect((await t.call('POST', opinions(id), { department, agree: true }, clerk.caller)).status).toBe(200);
    res = await t.call('POST', steps(id), { action: 'decide', approve: true, reason: '同意' }, clerk.caller);
    expect(res.status).toBe(403);
    res = await t.call('GET', `/api/v1/products/${id}`, undefined, leader.caller);
    expect(res.body.nextActions).toEqual(['decide']);
    res = await t.call('POST', steps(id), { action: 'decide', approve: true, reason: '同意' }, leader.caller);
    expect(res.body.status).toBe('approved');
    expect(res.body.steps.at(-1).actorName).toBe(leader.username);
  });

  it('keeps the rules as data: more notice days and another department apply to the next steps', async () => {
    const rules = (await t.call('GET', '/api/v1/certification/rules')).body;
    expect(rules).toEqual({ requiredDepartments: ['agriculture', 'market', 'industry', 'rural'], noticeDays: 7, maxValidMonths: 36 });
    expect((await t.call('PUT', '/api/v1/certification/rules', { ...rules, requiredDepartments: [...rules.requiredDepartments, 'commerce'], noticeDays: 10 })).status).toBe(200);
    try {
      const p = await apply();
      await allOpinions(p.id);
      const res = await t.call('POST', steps(p.id), { action: 'decide', approve: true, reason: '同意' });
      expect(res.body.message).toContain('商务');
    } finally {
      await t.call('PUT', '/api/v1/certification/rules', rules);
    }
  });
});

describe('the public catalogue', () => {
  it('answers without a login, lists certified and valid products only, with nothing but what a buyer needs', async () => {
    const s = await makeSupplier(t, { registrationNo: '93533401MA6TEST01X', contactPhone: '13900000000' });
    const certified = await makeCertifiedProduct(t, s.id, { category: 'tea', name: '普洱生茶饼' });
    const pending = await t.call('POST', '/api/v1/products', productBody(s.id, { name: '待审松茸' }));
    const res = await t.call('GET', `/api/v1/public/catalogue?category=tea&pageSize=200`, undefined, null);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(certified.id);
    expect(ids).not.toContain(pending.body.id);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('13900000000');
    expect(text).not.toContain('93533401MA6TEST01X');
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['batchNo', 'category', 'categoryLabel', 'certifiedOn', 'countyCode', 'countyName', 'id', 'name', 'priceFen', 'specification', 'supplierName', 'unit', 'validUntil']);
    // Facets count every category (not only the one chosen), so a buyer can switch.
    expect(res.body.categories).toEqual(expect.arrayContaining([{ code: 'tea', label: '茶叶', count: 1 }, expect.objectContaining({ code: 'fungi' })]));
    const xlsx = await t.call('GET', '/api/v1/public/catalogue/export.xlsx?category=tea', undefined, null);
    expect(xlsx.status).toBe(200);
    expect((await t.call('GET', '/api/v1/products', undefined, null)).status).toBe(401);
  });
});
