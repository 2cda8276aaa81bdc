import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();
let justice: { id: number }; // 闵行区司法局
let xglJustice: { id: number }; // 香格里拉市司法局
let pairing: { id: number };
let otherPairing: { id: number };
let district: Caller;

beforeAll(async () => {
  const minhang = await makeOrg(t, { type: 'party_government', regionCode: '310112' });
  justice = await makeOrg(t, { type: 'department', regionCode: '310112', parentId: minhang.id });
  xglJustice = await makeOrg(t, { side: 'west', type: 'department', regionCode: '533401' });
  pairing = await makePairing(t, { type: 'department', eastOrgId: justice.id, westOrgId: xglJustice.id });
  otherPairing = await makePairing(t, { type: 'department' });
  district = (await t.userWith({ roles: ['district_admin'], scopes: [{ orgId: minhang.id }] })).caller;
});

const donationBody = (over: Record<string, unknown> = {}) => ({
  donorName: '上海某律师事务所', recipientOrgId: xglJustice.id, kind: 'cash', valueFen: 100_000_00, purpose: '帮困助学', donatedOn: '2020-08-21', pairingId: pairing.id, ...over,
});

describe('a visit with a signing and donations', () => {
  it('links the agreement and donations to the visit and shows them on the pairing timeline and in the totals', async () => {
    const agreement = await t.call('POST', `/api/v1/pairings/${pairing.id}/agreements`, { year: 2020, title: '结对帮扶协议', signedOn: '2020-08-21' });
    const donations = [];
    for (const donor of ['锦天城律师事务所', '尊源恒律师事务所', '融力天闻律师事务所']) {
      const d = await t.call('POST', '/api/v1/donations', donationBody({ donorName: donor }), district);
      expect(d.status).toBe(201);
      donations.push(d.body);
    }
    const visit = await t.call(
      'POST',
      '/api/v1/activities',
      {
        type: 'visit', title: '闵行区司法局代表团赴香格里拉市开展结对帮扶', startDate: '2020-08-19', endDate: '2020-08-23', regionCodes: ['533401'],
        leadOrgId: justice.id, orgIds: [xglJustice.id], pairingId: pairing.id, leader: '金海民', delegationSize: 6,
        links: [{ kind: 'agreement', id: agreement.body.id }, ...donations.map((d) => ({ kind: 'donation', id: d.id }))],
      },
      district,
    );
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ countyCode: '533401', places: [{ code: '533401', name: '香格里拉市' }], delegationSize: 6 });
    expect(visit.body.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['agreement', 'donation', 'donation', 'donation']);

    const timeline = await t.call('GET', `/api/v1/activities?pairing=${pairing.id}`, undefined, district);
    expect(timeline.body.items.map((a: { id: number }) => a.id)).toEqual([visit.body.id]);
    const totals = await t.call('GET', '/api/v1/donations/totals?by=pairing', undefined, district);
    expect(totals.body).toEqual([{ key: String(pairing.id), label: expect.stringContaining('↔'), cashFen: 300_000_00, goodsFen: 0, count: 3 }]);
  });

  it('refuses an end before the start and a link to a record outside the scope, naming the field', async () => {
    const early = await t.call('POST', '/api/v1/activities', { type: 'meeting', title: '座谈会', startDate: '2020-08-21', endDate: '2020-08-20', pairingId: pairing.id }, district);
    expect(early.status).toBe(400);
    expect(early.body.issues[0].path).toBe('endDate');
    const foreign = await t.call('POST', `/api/v1/pairings/${otherPairing.id}/agreements`, { year: 2020 });
    const out = await t.call('POST', '/api/v1/activities', { type: 'signing', title: '签约', startDate: '2020-08-21', endDate: '2020-08-21', pairingId: pairing.id, links: [{ kind: 'agreement', id: foreign.body.id }] }, district);
    expect(out.status).toBe(400);
    expect(out.body.issues[0].path).toBe('links.0.id');
    expect(out.body.message).toContain('不在您的数据范围');
  });
});

describe('links that do not fit', () => {
  it("refuses an agreement of another pairing than the activity's, and finds donations by text", async () => {
    const a = await t.call('POST', `/api/v1/pairings/${pairing.id}/agreements`, { year: 2022, title: '别的结对的协议' });
    const res = await t.call('POST', '/api/v1/activities', { type: 'signing', title: '签约', startDate: '2022-01-05', endDate: '2022-01-05', pairingId: otherPairing.id, links: [{ kind: 'agreement', id: a.body.id }] });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'links.0', message: expect.stringContaining('不属于本次活动的结对关系') });
    const found = await t.call('GET', '/api/v1/donations?q=锦天城');
    expect(found.body.items.map((d: { donor: string }) => d.donor)).toEqual(['锦天城律师事务所']);
  });
});

describe('donations', () => {
  it('refuses a donation without a value, and a negative one', async () => {
    const none = await t.call('POST', '/api/v1/donations', donationBody({ valueFen: null }));
    expect(none.status).toBe(400);
    expect(none.body.issues[0].path).toBe('valueFen');
    const negative = await t.call('POST', '/api/v1/donations', donationBody({ valueFen: -100 }));
    expect(negative.body.issues[0].path).toBe('valueFen');
  });

  it('values goods by their items and keeps them apart from cash in the totals', async () => {
    const goods = await t.call('POST', '/api/v1/donations', donationBody({ kind: 'goods', valueFen: null, donatedOn: '2021-01-05', items: [{ item: '棉被', quantity: 100, unit: '床', valueFen: 200_00 }, { item: '图书', quantity: 500, unit: '册', valueFen: 30_00 }] }));
    expect(goods.status).toBe(201);
    expect(goods.body.valueFen).toBe(230_00);
    const mismatch = await t.call('POST', '/api/v1/donations', donationBody({ kind: 'goods', valueFen: 1, items: [{ item: '棉被', quantity: 1, unit: '床', valueFen: 5 }] }));
    expect(mismatch.body.issues[0].path).toBe('valueFen');
    // The district's donations to the county count in the county's figures once the county confirms them (认领).
    const pending = await t.call('GET', '/api/v1/donations/totals?by=county');
    expect(pending.body.find((r: { key: string }) => r.key === '?')).toMatchObject({ label: '（待受援方确认）', cashFen: 300_000_00 });
    const incoming = await t.call('GET', '/api/v1/claims?direction=incoming&status=pending&pageSize=100');
    for (const c of incoming.body.items.filter((x: { kind: string }) => x.kind === 'donation')) expect((await t.call('POST', `/api/v1/claims/donation/${c.id}/confirm`, {})).status).toBe(200);
    const byYear = await t.call('GET', '/api/v1/donations/totals?by=year&county=533401');
    expect(byYear.body).toEqual([
      { key: '2020', label: '2020', cashFen: 300_000_00, goodsFen: 0, count: 3 },
      { key: '2021', label: '2021', cashFen: 0, goodsFen: 230_00, count: 1 },
    ]);
    const byCounty = await t.call('GET', '/api/v1/donations/totals?by=county');
    expect(byCounty.body.find((r: { key: string }) => r.key === '533401')).toMatchObject({ label: '香格里拉市', cashFen: 300_000_00, goodsFen: 230_00 });
  });
});

describe('training', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    title: '闵行区侨联英语教师培训', kind: 'training', organiserOrgId: justice.id, placeRegion: '533401', startDate: '2023-07-10', endDate: '2023-07-14',
    targetGroup: 'teachers', batches: 1, participants: 64, personTimes: 64, countyCode: '533401', ...over,
  });

  it('refuses 人次 below 人数, negative counts and zero batches, naming the field', async () => {
    for (const [over, path] of [[{ personTimes: 10 }, 'personTimes'], [{ participants: -1 }, 'participants'], [{ batches: 0 }, 'batches']] as const) {
      const res = await t.call('POST', '/api/v1/trainings', body(over));
      expect(res.status, path).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it('computes the year-over-year change of 批次 and 人次 instead of taking it typed', async () => {
    await t.call('POST', '/api/v1/trainings', body());
    await t.call('POST', '/api/v1/trainings', body({ startDate: '2023-09-01', endDate: '2023-09-03', batches: 1, participants: 36, personTimes: 36 }));
    const sh = await t.call('POST', '/api/v1/trainings', body({ kind: 'shadowing', title: '果洛教师在沪跟岗学习', placeRegion: '310109', startDate: '2024-03-01', endDate: '2024-03-31', batches: 2, participants: 6, personTimes: 120 }));
    expect(sh.body.inShanghai).toBe(true);
    await t.call('POST', '/api/v1/trainings', body({ startDate: '2024-05-01', endDate: '2024-05-02', batches: 1, participants: 30, personTimes: 30 }));
    const s = await t.call('GET', '/api/v1/trainings/summary?year=2024&county=533401');
    expect(s.body).toMatchObject({ batches: 3, personTimes: 150, previous: { batches: 2, personTimes: 100 }, batchesChangePct: 50, personTimesChangePct: 50 });
    const none = await t.call('GET', '/api/v1/trainings/summary?year=2023&county=533401');
    expect(none.body.batchesChangePct).toBeNull();
  });
});
