import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';
import { extractBulletin } from './bulletins.extract.ts';
import { industryIn } from './bulletins.industry.ts';

const t = useTestApp();
const TEXT = 'text/plain; charset=utf-8';
const doc = (entries: string[]) => `【产业合作】\n${entries.join('\n')}\n\n某区合作交流办\n2024年8月20日\n`;

describe('reading what an item reports of industry cooperation', () => {
  it('suggests the industry kind for enterprises introduced, investment signed and contract farming, with their figures', () => {
    const items = extractBulletin(doc([
      '8月1日，闵行区帮助罗平县引进5家企业累计投资1亿多元。',
      '8月2日，两地举行招商推介会，签约投资总额5.9亿元,创造就业岗位1万多个。',
      '8月3日，合作社与上海某药业公司、农户签订三方种植五味子合同,种植规模将达1000亩，带动农户120户。',
    ])).items;
    expect(items.map((i) => i.kind)).toEqual(['industry', 'industry', 'industry']);
    expect(items[0].industry).toMatchObject({ kind: 'enterprise', enterprises: 5, signedFen: 10_000_000_000, approx: true });
    expect(items[1].industry).toMatchObject({ kind: 'enterprise', signedFen: 59_000_000_000, jobs: 10_000 });
    expect(items[2].industry).toMatchObject({ kind: 'farming', product: '五味子', acreageMu: 1000, households: 120 });
    // The general facts are not changed by it: 1万多个 is no count there, 1000亩 is.
    expect(items[2].counts.map((c) => `${c.value}${c.unit}`)).toEqual(['1000亩', '120户']);
  });

  it('reads workshops, founded parks and actual investment; keeps a headline’s kind; finds nothing in talks or visits to a base', () => {
    expect(industryIn('在小中甸镇建成联合村帮扶车间，吸纳就业45人，其中脱贫人口30人。')).toMatchObject({ kind: 'workshop', name: '联合村帮扶车间', jobs: 45, poorEmployed: 30 });
    expect(industryIn('新建高原蔬菜种植基地，面积500亩，入驻企业3家。')).toMatchObject({ kind: 'park', parkKind: 'planting_base', acreageMu: 500, enterprises: 3 });
    expect(industryIn('引进上海某食品有限公司投资3000万元建设加工厂，实际到位资金1200万元。')).toMatchObject({
      kind: 'enterprise', name: '上海某食品有限公司', industry: 'agri_processing', signedFen: 3_000_000_000, actualFen: 1_200_000_000,
    });
    for (const none of ['区领导赴香格里拉市调研，召开招商洽谈会。', '考察组对种植基地进行了实地考察。', '两地签订2024年东西部协作协议，落实帮扶资金3000万元。']) expect(industryIn(none)).toBeNull();
    const [visit] = extractBulletin('区委书记带队赴结对县考察\n8月5日，区委书记一行赴结对县考察，见证签约投资总额2亿元的3个项目。\n\n某区合作交流办\n2024年8月20日\n').items;
    expect(visit.kind).toBe('visit');
    expect(visit.industry).toMatchObject({ kind: 'enterprise', signedFen: 20_000_000_000 });
  });
});

describe('accepting an item with its industry records', () => {
  let minhang: { id: number; name: string };
  let pairing: { id: number };
  let district: Caller;
  beforeAll(async () => {
    minhang = await makeOrg(t, { name: '闵行区（简报产业测试）', regionCode: '310112' });
    const west = await makeOrg(t, { name: '香格里拉市人民政府（简报产业测试）', side: 'west', regionCode: '533401' });
    pairing = await makePairing(t, { type: 'east_west', eastOrgId: minhang.id, westOrgId: west.id });
    district = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
  });
  const importAs = async (text: string, name: string) => {
    const res = await t.upload(`/api/v1/bulletins/imports?fileName=${name}`, text, TEXT, district);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.document;
  };
  const count = async (table: 'activities' | 'industry_enterprises') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates the enterprise through the industry service: the activity’s county, pairing, date and id, owned by the user’s unit, audited', async () => {
    const { drafts: [item] } = await importAs(doc(['8月6日，闵行区帮助香格里拉市引进上海某食品有限公司，签约投资总额5000万元，创造就业岗位120个。']), 'industry-a.txt');
    expect(item.facts.industry).toMatchObject({ kind: 'enterprise', signedFen: 5_000_000_000, jobs: 120 });
    const audits = await auditCount(t, 'industry_enterprise');
    const enterprise = { name: '上海某食品有限公司香格里拉分公司', originOrgId: minhang.id, industry: 'agri_processing', signedFen: 5_000_000_000, jobs: 120, poorEmployed: 30 };
    const res = await t.call('POST', `/api/v1/bulletins/drafts/${item.id}/accept`, {
      type: 'signing', title: item.title, startDate: '2024-08-06', endDate: '2024-08-06', regionCodes: ['533401'], pairingId: pairing.id, records: { enterprise },
    }, district);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const activityId = res.body.drafts[0].activityId;
    const list = (await t.call('GET', '/api/v1/industry/enterprises?county=533401&year=2024', undefined, district)).body.items.filter((e: { activityId: number }) => e.activityId === activityId);
    expect(list).toEqual([expect.objectContaining({
      ...enterprise, countyCode: '533401', pairingId: pairing.id, signedOn: '2024-08-06', monitoredEmployed: 0, actualFen: 0, owningOrgId: minhang.id, note: '（来源：industry-a.txt，第 1 条）',
    })]);
    expect(await auditCount(t, 'industry_enterprise')).toBe(audits + 1);
    const accepted = await t.database.db.selectFrom('audit_log').select('after').where('entity', '=', 'bulletin_draft').where('entity_id', '=', String(item.id)).executeTakeFirstOrThrow();
    expect(accepted.after).toMatchObject({ enterpriseId: list[0].id });
  });

  it('refuses a record the industry service refuses, naming records.enterprise.<field>: nothing created, the draft pending', async () => {
    const { id, drafts: [item] } = await importAs(doc(['8月7日，闵行区帮助香格里拉市引进2家企业，签约投资1亿元。']), 'industry-b.txt');
    const before = { activities: await count('activities'), enterprises: await count('industry_enterprises') };
    const base = { type: 'signing', title: item.title, startDate: '2024-08-07', endDate: '2024-08-07', regionCodes: ['533401'], pairingId: pairing.id };
    const enterprise = { name: '上海某物流有限公司', originOrgId: minhang.id, industry: 'trade_logistics', signedFen: 10_000_000_000, jobs: 10 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ poorEmployed: 11 }, 'records.enterprise.poorEmployed', '脱贫人口就业人数（11）不能多于带动就业人数（10）'],
      [{ originOrgId: 987_654 }, 'records.enterprise.originOrgId', '不存在或不在您的数据范围内'],
      [{ originOrgId: null }, 'records.enterprise.originOrgId', '引进来源单位'],
      [{ countyCode: '632621' }, 'records.enterprise.countyCode', ''],
      [{ signedFen: -1 }, 'records.enterprise.signedFen', '签约投资额不能为负'],
    ];
    for (const [over, path, message] of cases) {
      const res = await t.call('POST', `/api/v1/bulletins/drafts/${item.id}/accept`, { ...base, records: { enterprise: { ...enterprise, ...over } } }, district);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.issues).toEqual([expect.objectContaining({ path })]);
      expect(res.body.message).toContain(message);
    }
    expect({ activities: await count('activities'), enterprises: await count('industry_enterprises') }).toEqual(before);
    expect((await t.call('GET', `/api/v1/bulletins/imports/${id}`, undefined, district)).body.drafts[0]).toMatchObject({ status: 'pending', activityId: null });
  });

  it('creates contract farming linked to the activity, and a workshop and a park in its county', async () => {
    const { drafts: [item] } = await importAs(doc(['8月8日，合作社与上海某药业公司签订三方种植五味子合同,种植规模将达1000亩。']), 'industry-c.txt');
    expect(item).toMatchObject({ kind: 'industry', facts: { industry: { kind: 'farming', product: '五味子', acreageMu: 1000 } } });
    const res = await t.call('POST', `/api/v1/bulletins/drafts/${item.id}/accept`, {
      type: 'signing', title: item.title, startDate: '2024-08-08', endDate: '2024-08-08', regionCodes: ['533401'], pairingId: pairing.id,
      records: {
        farming: { product: '五味子', buyerName: '上海某药业公司', acreageMu: 1000 },
        workshop: { name: '联合村帮扶车间', operatorName: '香格里拉某合作社', employees: 45, poorEmployed: 30 },
        park: { name: '五味子种植基地', kind: 'planting_base', areaMu: 1000.5 },
      },
    }, district);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const activityId = res.body.drafts[0].activityId;
    const get = async (path: string) => (await t.call('GET', `/api/v1/industry/${path}?county=533401`, undefined, district)).body.items;
    expect((await get('contract-farming')).find((f: { activityId: number }) => f.activityId === activityId)).toMatchObject({ buyer: '上海某药业公司', signedOn: '2024-08-08', households: 0, contractFen: 0, pairingId: pairing.id, owningOrgId: minhang.id });
    expect((await get('workshops')).find((w: { name: string }) => w.name === '联合村帮扶车间')).toMatchObject({ openedOn: '2024-08-08', employees: 45, poorEmployed: 30, note: '（来源：industry-c.txt，第 1 条）' });
    expect((await get('parks')).find((p: { name: string }) => p.name === '五味子种植基地')).toMatchObject({ areaMu: 1000.5, establishedOn: '2024-08-08', countyCode: '533401' });
  });
});
