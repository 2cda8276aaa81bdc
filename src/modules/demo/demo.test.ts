import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { loadDemo } from './demo.seed.ts';
import { targetOf } from './demo.entries.ts';
import { DEMO_PASSWORD } from './demo.data.ts';
import { systemContext } from '../../platform/context.ts';
import { computeIndicators } from '../indicators/indicators.service.ts';

const t = useTestApp();

beforeAll(async () => {
  await loadDemo(t.database.db);
});

describe('demo people and labor records', () => {
  it('holds the bulletins’ people: 杨建富 in 香格里拉 (2019–2022), 赵勇 and the 11 组团式 teachers in 果洛 (2024)', async () => {
    const yang = await t.call('GET', '/api/v1/dispatches?q=杨建富');
    expect(yang.body.items).toMatchObject([{ countyCode: '533401', countyName: '香格里拉市', termStart: '2019-07-01', termEnd: '2022-06-30', status: 'rotated', isDemo: true }]);
    const guoluo = await t.call('GET', '/api/v1/personnel/summary?county=6326&year=2024');
    expect(guoluo.body.total).toMatchObject({ byCategory: { cadre: 1, teacher: 11 }, teams: { education: 11 }, total: 12 });
    expect((await t.call('GET', '/api/v1/personnel/summary?county=533401&year=2023')).body.total.total).toBe(0);
  });

  it('lets 闵行 see 香格里拉’s labor records through its pairing, and computes the totals', async () => {
    const minhang = await t.login('minhang', DEMO_PASSWORD);
    const res = await t.call('GET', '/api/v1/labor/summary?year=2023', undefined, minhang);
    expect(res.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['533401']);
    expect(res.body.total).toMatchObject({
      placements: { total: { poor: 370, monitored: 35 } },
      fairs: { count: 1, placed: 215 },
      retention: { placed: 352, employedAfter6m: 301, rate: 0.8551 },
      workstations: 1,
    });
  });
});

describe('demo industry cooperation records', () => {
  it('lets 闵行 see 香格里拉’s enterprises, bases, workshop and contracts through its pairings, and computes the totals', async () => {
    const minhang = await t.login('minhang', DEMO_PASSWORD);
    const res = await t.call('GET', '/api/v1/industry/summary?year=2020', undefined, minhang);
    expect(res.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['533401']);
    expect(res.body.total).toEqual({
      enterprises: { count: 2, signedFen: 82_000_000_00, actualFen: 18_500_000_00, jobs: 125, poorEmployed: 58, monitoredEmployed: 4 },
      parks: { count: 3, areaMu: 1315.5, enterprises: 24, jobs: 408 },
      workshops: { count: 1, employees: 36, poorEmployed: 22, monitoredEmployed: 3 },
      farming: { count: 2, acreageMu: 800, households: 177, contractFen: 3_900_000_00 },
    });
    const tourism = await t.call('GET', '/api/v1/industry/enterprises?q=中国旅游集团', undefined, minhang);
    expect(tourism.body.items).toMatchObject([{ origin: '央企中国旅游集团', placeName: '联合村民委员会', industry: 'culture_tourism', isDemo: true, owningOrgName: '上海市闵行区人民政府' }]);
    // 果洛's records lie outside 闵行's scope; the city sees them.
    const city = await t.login('city', DEMO_PASSWORD);
    expect((await t.call('GET', '/api/v1/industry/summary?year=2024&county=6326', undefined, city)).body.total.enterprises).toMatchObject({ count: 2, jobs: 42 });
    // In 2024 闵行 still counts 香格里拉's parks and workshop (they stand), never 果洛's enterprises.
    const later = (await t.call('GET', '/api/v1/industry/summary?year=2024', undefined, minhang)).body;
    expect(later.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['533401']);
    expect(later.total).toMatchObject({ enterprises: { count: 0 }, parks: { count: 3 }, workshops: { count: 1 } });
  });
});

describe('demo consumption records', () => {
  it('holds the livestream of the bulletin, a current catalogue, and one duplicate waiting for review', async () => {
    const minhang = await t.login('minhang', DEMO_PASSWORD);
    const live = await t.call('GET', '/api/v1/sales/summary?by=channel&year=2020', undefined, minhang);
    expect(live.body.rows).toEqual([{ key: 'livestream', label: '直播带货', amountFen: 52_700_000, count: 1, households: 0 }]);
    const catalogue = await t.call('GET', '/api/v1/public/catalogue?county=533401', undefined, null);
    expect(catalogue.body.total).toBe(4);
    const all = (await t.call('GET', '/api/v1/sales/summary?by=month', undefined, minhang)).body;
    expect(all.flagged.count).toBe(1);
    expect(all.certifiedShare).toBeGreaterThan(0.5);
    const counts = (await t.call('GET', '/api/v1/products/status-counts?county=533401', undefined, await t.login('xgl_leader', DEMO_PASSWORD))).body;
    expect(Object.fromEntries(counts.filter((c: { count: number }) => c.count).map((c: { status: string; count: number }) => [c.status, c.count]))).toEqual({ applied: 1, reviewing: 1, notice: 1, certified: 4 });
  });

  it('holds 闵行区合作交流办’s bulletin: August 2020 composed from the month’s activities and issued, September a draft', async () => {
    const minhang = await t.login('minhang', DEMO_PASSWORD);
    const list = (await t.call('GET', '/api/v1/bulletin-editions', undefined, minhang)).body;
    expect(list.items.map((e: { numberLabel: string; status: string }) => [e.numberLabel, e.status])).toEqual([
      ['2020年第2期（总第2期）', 'draft'],
      ['2020年第1期（总第1期）', 'issued'],
    ]);
    const august = (await t.call('GET', `/api/v1/bulletin-editions/${list.items[1].id}`, undefined, minhang)).body;
    expect(august.items.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['闵行区司法局赴云南香格里拉市司法局开展结对帮扶工作', '区侨联组织英语专家为香市教师开展教学技能提升培训']));
    expect(august.items.every((i: { body: string }) => /^8月\d+日/.test(i.body))).toBe(true);
  });
});

describe('demo place tags', () => {
  it('gives 香格里拉市’s coverage its denominators: 2020’s deep-poverty and 脱贫 villages, and the paired ones', async () => {
    const cov = (await t.call('GET', '/api/v1/coverage/533401?year=2020')).body;
    expect(cov.regionTags).toEqual(['poverty_county']);
    // 深度贫困村 联合 (村企结对 since 2019) and 尼史; 脱贫村 联合, 和平, 红坡: only 联合 is paired.
    expect(cov.villageTags).toEqual([
      { tag: 'poverty_village', villages: 3, pairedVillages: 1, pairedPct: 33.3 },
      { tag: 'deep_poverty_village', villages: 2, pairedVillages: 1, pairedPct: 50 },
      { tag: 'relocation_site', villages: 0, pairedVillages: 0, pairedPct: null },
    ]);
    const tags = (await t.call('GET', '/api/v1/place-tags?region=533401')).body;
    expect(tags.total).toBe(6);
    expect(tags.items.every((x: { isDemo: boolean }) => x.isDemo)).toBe(true);
  });
});

describe('demo records of the previous and the current year', () => {
  const CODES = ['fund_allocated', 'projects', 'cadres_on_post', 'training_person_times_east', 'labor_placed', 'donation_cash', 'sales', 'enterprises', 'leader_visits', 'joint_meetings', 'agreements'];

  it('gives 闵行区’s assessment dashboard figures for this year and the last, this year’s mostly higher (同比)', async () => {
    const db = t.database.db;
    const district = Number((await db.selectFrom('orgs').select('id').where('name', '=', '上海市闵行区人民政府').executeTakeFirstOrThrow()).id);
    const year = new Date().getFullYear();
    for (const y of [year - 1, year]) {
      const report = await computeIndicators(db, systemContext, { year: y, district }, CODES);
      const values = Object.fromEntries(report.items.map((i) => [i.code, i.value]));
      for (const code of CODES) expect(values[code], `${y} ${code}`).toBeGreaterThan(0);
    }
    const now = await computeIndicators(db, systemContext, { year, district }, CODES);
    const higher = now.items.filter((i) => (i.value ?? 0) > (i.previous ?? 0)).map((i) => i.code);
    expect(higher.length, higher.join(',')).toBeGreaterThanOrEqual(CODES.length - 2);
  });

  it('dates nothing after today, and holds an agreement and a 联席会议 of each year for every district–county pairing', async () => {
    const db = t.database.db;
    const today = new Date().toISOString().slice(0, 10);
    const year = new Date().getFullYear();
    const latest = await db.selectFrom('activities').select((eb) => eb.fn.max('end_date').as('d')).executeTakeFirstOrThrow();
    expect(String(latest.d) <= today).toBe(true);
    for (const [table, col] of [['trainings', 'end_date'], ['donations', 'donated_on'], ['sales', 'sold_on'], ['fund_transactions', 'on_date'], ['dispatches', 'term_start'], ['industry_enterprises', 'signed_on']] as const) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.max(col).as('d')).executeTakeFirstOrThrow();
      expect(String(row.d) <= today, `${table}.${col} ${row.d}`).toBe(true);
    }
    const pairings = await db.selectFrom('pairings').select('id').where('type', 'in', ['east_west', 'counterpart']).execute();
    for (const y of [year - 1, year]) {
      const agreed = await db.selectFrom('agreements').select('pairing_id').distinct().where('year', '=', y).execute();
      const met = await db.selectFrom('activities').select('pairing_id').distinct().where('type', '=', 'meeting').where('start_date', '>=', `${y}-01-01`).where('start_date', '<=', `${y}-12-31`).execute();
      for (const p of pairings) {
        expect(agreed.map((a) => a.pairing_id)).toContain(p.id);
        expect(met.map((a) => a.pairing_id)).toContain(p.id);
      }
    }
  });

  it('sets 闵行区’s targets for this year from last year’s figures, and last year’s reported figures beside the computed ones', async () => {
    const db = t.database.db;
    const district = Number((await db.selectFrom('orgs').select('id').where('name', '=', '上海市闵行区人民政府').executeTakeFirstOrThrow()).id);
    const year = new Date().getFullYear();
    const before = await computeIndicators(db, systemContext, { year: year - 1, district }, ['sales', 'training_person_times_west']);
    const now = await computeIndicators(db, systemContext, { year, district }, ['sales']);
    const sales = before.items.find((i) => i.code === 'sales')!;
    expect(now.items[0].target?.value).toBeCloseTo(targetOf('sales', sales.value!), 2);
    expect(targetOf('leader_visits', 2)).toBe(3);
    expect(sales.reported).toMatchObject({ value: Number(sales.value!.toPrecision(3)), differs: false });
    expect(before.items.find((i) => i.code === 'training_person_times_west')!.reported).toMatchObject({ differs: true });
  });

  it('loads once: a second load leaves the records as they are', async () => {
    const db = t.database.db;
    const count = async () => Number((await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await loadDemo(db)).toEqual({ loaded: false, reason: '演示数据已加载' });
    expect(await count()).toBe(before);
  });
});
