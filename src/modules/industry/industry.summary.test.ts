import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();
let districtUser: Caller;

const post = async (path: string, b: Record<string, unknown>) => {
  const res = await t.call('POST', `/api/v1/industry/${path}`, b);
  if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body.id as number;
};
const enterprise = (countyCode: string, signedOn: string, signedFen: number, actualFen: number, jobs: number, poorEmployed: number, monitoredEmployed: number, pairingId?: number) =>
  post('enterprises', { name: `引进企业${signedOn}-${signedFen}`, originName: '上海某集团', countyCode, industry: 'manufacturing', signedOn, signedFen, actualFen, jobs, poorEmployed, monitoredEmployed, pairingId });
const park = (countyCode: string, establishedOn: string, areaMu: number, enterprises: number, jobs: number, pairingId?: number) =>
  post('parks', { name: `园区${establishedOn}-${areaMu}`, kind: 'planting_base', countyCode, establishedOn, areaMu, enterprises, jobs, pairingId });
const workshop = (countyCode: string, openedOn: string, closedOn: string | null, employees: number, poorEmployed: number, monitoredEmployed: number) =>
  post('workshops', { name: `车间${openedOn}-${employees}`, countyCode, operatorName: '某合作社', openedOn, closedOn, employees, poorEmployed, monitoredEmployed });
const farming = (countyCode: string, signedOn: string, acreageMu: number, households: number, contractFen: number, pairingId?: number) =>
  post('contract-farming', { product: `五味子${signedOn}-${acreageMu}`, buyerName: '上海某药业', countyCode, signedOn, acreageMu, households, contractFen, pairingId });

/**
 * 2024, 久治县 632625: two enterprises signed in the year (5.9 亿 and 1 亿 signed, 0.1 亿 and 1.2 亿 — more than
 * signed — invested; 10,050 jobs, 3,050 of them registered-poor, 200 monitored), one of 2023 not counted; parks of
 * 2020 and of 31 December 2024 (1,000.75 亩), one of 2025 not yet; workshops open in the year (one all year, one June
 * to September: 55 employees, 40 poor, 5 monitored), one closed at the end of 2023 and one opened in 2025 not;
 * contract farming of 2024 (1,000.1 亩, 211 households, 3,000,000.01 元), one of 2023 not.
 * 玛多县 632626, through 闵行's pairing: an enterprise (10 万元, 3 jobs), a park of 2023 (0.2 亩), a contract (0.2 亩).
 */
beforeAll(async () => {
  const minhang = await makeOrg(t, { name: '闵行区（产业合计测试）', regionCode: '310112' });
  const maduo = await makeOrg(t, { name: '玛多县人民政府（产业合计测试）', side: 'west', regionCode: '632626' });
  const pairing = (await makePairing(t, { type: 'counterpart', eastOrgId: minhang.id, westOrgId: maduo.id })).id;
  await enterprise('632625', '2024-03-01', 590_000_000_00, 10_000_000_00, 10_000, 3_000, 200);
  await enterprise('632625', '2024-12-31', 100_000_000_00, 120_000_000_00, 50, 50, 0);
  await enterprise('632625', '2023-12-31', 7_00, 7_00, 7, 7, 7);
  await park('632625', '2020-05-01', 1000.5, 5, 100);
  await park('632625', '2024-12-31', 0.25, 0, 0);
  await park('632625', '2025-01-01', 99, 9, 9);
  await workshop('632625', '2022-03-01', null, 45, 30, 3);
  await workshop('632625', '2024-06-01', '2024-09-30', 10, 10, 2);
  await workshop('632625', '2021-01-01', '2023-12-31', 99, 9, 9);
  await workshop('632625', '2025-01-01', null, 99, 9, 9);
  await farming('632625', '2024-04-10', 1000, 210, 3_000_000_00);
  await farming('632625', '2024-08-01', 0.1, 1, 1);
  await farming('632625', '2023-08-01', 99, 9, 9);
  await enterprise('632626', '2024-05-01', 10_000_00, 0, 3, 1, 1, pairing);
  await park('632626', '2023-01-01', 0.2, 0, 0, pairing);
  await farming('632626', '2024-05-01', 0.2, 2, 100, pairing);
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
});

const jiuzhi = {
  countyCode: '632625',
  countyName: '久治县',
  enterprises: { count: 2, signedFen: 690_000_000_00, actualFen: 130_000_000_00, jobs: 10_050, poorEmployed: 3_050, monitoredEmployed: 200 },
  parks: { count: 2, areaMu: 1000.75, enterprises: 5, jobs: 100 },
  workshops: { count: 2, employees: 55, poorEmployed: 40, monitoredEmployed: 5 },
  farming: { count: 2, acreageMu: 1000.1, households: 211, contractFen: 3_000_000_01 },
};
const maduo = {
  countyCode: '632626',
  countyName: '玛多县',
  enterprises: { count: 1, signedFen: 10_000_00, actualFen: 0, jobs: 3, poorEmployed: 1, monitoredEmployed: 1 },
  parks: { count: 1, areaMu: 0.2, enterprises: 0, jobs: 0 },
  workshops: { count: 0, employees: 0, poorEmployed: 0, monitoredEmployed: 0 },
  farming: { count: 1, acreageMu: 0.2, households: 2, contractFen: 100 },
};

type Item = Record<string, number>;
const listed = async (source: string, as?: Caller) => (await t.call('GET', `/api/v1${source}&pageSize=200`, undefined, as)).body.items as Item[];
const sum = (items: Item[], key: string) => items.reduce((s, x) => s + x[key], 0);
/** 亩 summed in hundredths, as a person adds them up. */
const sumMu = (items: Item[], key: string) => items.reduce((s, x) => s + Math.round(x[key] * 100), 0) / 100;

describe('产业合作 totals per county and year', () => {
  it('adds up the year’s records per county (hand-computed), ignoring other years', async () => {
    const res = await t.call('GET', '/api/v1/industry/summary?county=6326&year=2024');
    expect(res.status).toBe(200);
    expect(res.body.counties).toEqual([jiuzhi, maduo]);
    expect(res.body.total).toEqual({
      enterprises: { count: 3, signedFen: 690_010_000_00, actualFen: 130_000_000_00, jobs: 10_053, poorEmployed: 3_051, monitoredEmployed: 201 },
      parks: { count: 3, areaMu: 1000.95, enterprises: 5, jobs: 100 },
      workshops: { count: 2, employees: 55, poorEmployed: 40, monitoredEmployed: 5 },
      farming: { count: 3, acreageMu: 1000.3, households: 213, contractFen: 3_000_001_01 },
    });
    expect(res.body.sources).toEqual({
      enterprises: '/industry/enterprises?year=2024&county=6326',
      parks: '/industry/parks?year=2024&county=6326',
      workshops: '/industry/workshops?year=2024&county=6326',
      farming: '/industry/contract-farming?year=2024&county=6326',
    });
  });

  it('lists each figure’s records by the same filters, and they add up to it', async () => {
    const { total, sources } = (await t.call('GET', '/api/v1/industry/summary?county=6326&year=2024')).body;
    const e = await listed(sources.enterprises);
    expect(e).toHaveLength(total.enterprises.count);
    expect({ signedFen: sum(e, 'signedFen'), actualFen: sum(e, 'actualFen'), jobs: sum(e, 'jobs'), poorEmployed: sum(e, 'poorEmployed'), monitoredEmployed: sum(e, 'monitoredEmployed') })
      .toEqual({ signedFen: total.enterprises.signedFen, actualFen: total.enterprises.actualFen, jobs: total.enterprises.jobs, poorEmployed: total.enterprises.poorEmployed, monitoredEmployed: total.enterprises.monitoredEmployed });
    const p = await listed(sources.parks);
    expect([p.length, sumMu(p, 'areaMu'), sum(p, 'enterprises'), sum(p, 'jobs')]).toEqual([total.parks.count, total.parks.areaMu, total.parks.enterprises, total.parks.jobs]);
    const w = await listed(sources.workshops);
    expect([w.length, sum(w, 'employees'), sum(w, 'poorEmployed'), sum(w, 'monitoredEmployed')]).toEqual([total.workshops.count, total.workshops.employees, total.workshops.poorEmployed, total.workshops.monitoredEmployed]);
    const f = await listed(sources.farming);
    expect([f.length, sumMu(f, 'acreageMu'), sum(f, 'households'), sum(f, 'contractFen')]).toEqual([total.farming.count, total.farming.acreageMu, total.farming.households, total.farming.contractFen]);
    // One county's figure drills down to that county's records.
    const one = (await t.call('GET', '/api/v1/industry/summary?county=632625&year=2024')).body;
    expect(one.counties).toEqual([jiuzhi]);
    expect(sum(await listed(one.sources.enterprises), 'jobs')).toBe(jiuzhi.enterprises.jobs);
  });

  it('counts parks from their year on and workshops in the years they were open', async () => {
    const y2023 = (await t.call('GET', '/api/v1/industry/summary?county=632625&year=2023')).body.total;
    expect(y2023).toMatchObject({ enterprises: { count: 1, signedFen: 7_00 }, parks: { count: 1, areaMu: 1000.5 }, workshops: { count: 2, employees: 144 }, farming: { count: 1, acreageMu: 99 } });
    const y2019 = (await t.call('GET', '/api/v1/industry/summary?county=632625&year=2019')).body;
    expect(y2019.counties).toEqual([]);
    expect(y2019.total.parks).toEqual({ count: 0, areaMu: 0, enterprises: 0, jobs: 0 });
  });

  it('needs the year, and counts for a district only what its scope covers', async () => {
    const missing = await t.call('GET', '/api/v1/industry/summary');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('查询参数有误：缺少年度 year');
    const res = await t.call('GET', '/api/v1/industry/summary?year=2024', undefined, districtUser);
    expect(res.body.counties).toEqual([maduo]);
    expect(await listed(res.body.sources.enterprises, districtUser)).toHaveLength(1);
  });
});
