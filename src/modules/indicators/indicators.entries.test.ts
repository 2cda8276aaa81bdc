import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { rowsOf, xlsxOf } from '../../testing/xlsx.ts';
import { loadDemoData } from '../../app/demo.ts';
import { clock } from './indicators.service.ts';
import type { IndicatorReport, Warnings } from './indicators.contract.ts';
import type { Entry } from './indicators.entries.contract.ts';

/**
 * Targets and reported figures beside the computed indicators: who may enter them for which scope,
 * what is refused (naming the field or the line), and what the indicator shows with them — the
 * target's progress pro-rated through the year, the reported figure flagged where it differs.
 */
const t = useTestApp();
const YEAR = 2024;
let minhang: number;
let changning: number;
let districtUser: Caller;
let countyUser: Caller;
const realToday = clock.today;

const valueOf = async (code: string, query: string, as: Caller = t.admin) => {
  const res = await t.call<IndicatorReport>('GET', `/api/v1/indicators/values?${query}&codes=${code}`, undefined, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.find((i) => i.code === code)!;
};

beforeAll(async () => {
  await loadDemoData(t.database.db);
  const org = async (name: string) => Number((await t.database.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
  minhang = await org('上海市闵行区人民政府');
  changning = await org('上海市长宁区人民政府');
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: await org('闵行区合作交流办'), scopes: [{ orgId: minhang }] })).caller;
  countyUser = (await t.userWith({ roles: ['recipient_clerk'], orgId: await org('香格里拉市人民政府'), scopes: [{ regionCode: '533401' }] })).caller;
});
afterEach(() => {
  clock.today = realToday;
});

describe('targets and reported figures', () => {
  it('keeps one target per indicator, scope and year, refusing what does not fit by field', async () => {
    const base = { indicatorCode: 'fund_allocated', scopeKind: 'district', districtId: minhang, year: YEAR, value: 5000, document: '沪合作办〔2024〕3号' };
    const created = await t.call<Entry>('POST', '/api/v1/indicator-targets', base, districtUser);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ indicatorName: '财政援助资金下达', unit: '万元', scopeName: '上海市闵行区人民政府', value: 5000 });
    const again = await t.call('POST', '/api/v1/indicator-targets', base, districtUser);
    expect(again.status).toBe(409);
    expect(again.body.issues).toMatchObject([{ path: 'indicatorCode' }]);

    const refusals: [Record<string, unknown>, string][] = [
      [{ value: -1 }, 'value'],
      [{ indicatorCode: 'no_such' }, 'indicatorCode'],
      [{ indicatorCode: 'fund_spend_rate', value: 120 }, 'value'],
      [{ quarter: 2 }, 'quarter'],
      [{ districtId: undefined }, 'districtId'],
      [{ pairingId: 1 }, 'pairingId'],
      [{ districtId: changning }, 'districtId'], // another district's figures
      [{ document: ' ' }, 'document'],
    ];
    for (const [change, field] of refusals) {
      const res = await t.call('POST', '/api/v1/indicator-targets', { ...base, year: YEAR + 1, ...change }, districtUser);
      expect(res.status, `${JSON.stringify(change)} → ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.issues.map((f: { path: string }) => f.path), JSON.stringify(change)).toContain(field);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const city = await t.call('POST', '/api/v1/indicator-targets', { ...base, scopeKind: 'city', districtId: undefined }, districtUser);
    expect(city.status).toBe(400);

    // Another district's user neither sees nor changes it; the county user does not see the district's.
    expect((await t.call('GET', `/api/v1/indicator-targets/${created.body.id}`, undefined, countyUser)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/indicator-targets/${created.body.id}`, { value: 1 }, countyUser)).status).toBe(404);
    const patched = await t.call<Entry>('PATCH', `/api/v1/indicator-targets/${created.body.id}`, { value: 6000 }, districtUser);
    expect(patched.body.value).toBe(6000);
    const listed = await t.call('GET', `/api/v1/indicator-targets?year=${YEAR}`, undefined, districtUser);
    expect(listed.body.items.map((e: Entry) => e.id)).toContain(created.body.id);
    expect((await t.call('GET', `/api/v1/indicator-targets?year=${YEAR}`, undefined, countyUser)).body.items.map((e: Entry) => e.id)).not.toContain(created.body.id);
  });

  it('shows the target’s progress pro-rated through the year and warns where the figure is behind', async () => {
    const computed = (await valueOf('fund_allocated', `district=${minhang}&year=${YEAR}`)).value ?? 0;
    const target = Math.max(1, Math.round(computed * 3));
    const own = (await t.call<{ items: Entry[] }>('GET', `/api/v1/indicator-targets?year=${YEAR}&indicator=fund_allocated`)).body.items.find((e) => e.districtId === minhang)!;
    await t.call('PATCH', `/api/v1/indicator-targets/${own.id}`, { value: target });

    // Mid-year half the target is expected; at year end all of it.
    clock.today = () => new Date(Date.UTC(YEAR, 6, 1));
    const mid = await valueOf('fund_allocated', `district=${minhang}&year=${YEAR}`);
    expect(mid.target).toMatchObject({ value: target, document: '沪合作办〔2024〕3号' });
    expect(mid.target!.expected).toBeCloseTo(target * (183 / 366), 3);
    expect(mid.target!.progress).toBeCloseTo((computed / target) * 100, 1);
    clock.today = () => new Date(Date.UTC(YEAR + 1, 0, 15));
    const end = await valueOf('fund_allocated', `district=${minhang}&year=${YEAR}`);
    expect(end.target!.expected).toBe(target);
    expect(end.target!.status).toBe(computed < target * 0.6 ? 'far_behind' : 'behind');
    // A quarter's figure is not measured against the year's target.
    expect((await valueOf('fund_allocated', `district=${minhang}&year=${YEAR}&quarter=2`)).target).toBeNull();

    const w = await t.call<Warnings>('GET', `/api/v1/indicators/warnings?year=${YEAR}`, undefined, districtUser);
    expect(w.status).toBe(200);
    expect(w.body.items).toEqual([expect.objectContaining({ code: 'fund_allocated', target, value: computed, scope: expect.objectContaining({ name: '上海市闵行区人民政府' }) })]);
    const sheet = await rowsOf((await t.call('GET', `/api/v1/indicators/warnings/export?year=${YEAR}`, undefined, districtUser)).raw.rawPayload);
    expect(sheet.slice(1)).toEqual([[ '财政援助资金下达', '上海市闵行区人民政府', '万元', computed, target, target, w.body.items[0].progress, end.target!.status === 'far_behind' ? '严重落后' : '落后' ]]);
    // The city sees the district's warning too; the county none of it.
    expect((await t.call<Warnings>('GET', `/api/v1/indicators/warnings?year=${YEAR}`)).body.items.map((i) => i.targetId)).toContain(own.id);
    expect((await t.call<Warnings>('GET', `/api/v1/indicators/warnings?year=${YEAR}`, undefined, countyUser)).body.items).toEqual([]);
    // Once the target is met, no warning.
    await t.call('PATCH', `/api/v1/indicator-targets/${own.id}`, { value: computed });
    expect((await t.call<Warnings>('GET', `/api/v1/indicators/warnings?year=${YEAR}`, undefined, districtUser)).body.items).toEqual([]);
  });

  it('sets a reported figure beside the computed one for its period and flags where they differ', async () => {
    const computed = (await valueOf('training_person_times_west', `region=533401&year=${YEAR}`, countyUser)).value ?? 0;
    const body = { indicatorCode: 'training_person_times_west', scopeKind: 'region', regionCode: '533401', year: YEAR, value: computed, document: '《香格里拉市东西部协作工作简报》第3期' };
    const same = await t.call<Entry>('POST', '/api/v1/reported-figures', body, countyUser);
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    expect((await valueOf('training_person_times_west', `region=533401&year=${YEAR}`, countyUser)).reported).toMatchObject({ value: computed, differs: false, source: body.document });
    await t.call('PATCH', `/api/v1/reported-figures/${same.body.id}`, { value: computed + 100 }, countyUser);
    expect((await valueOf('training_person_times_west', `region=533401&year=${YEAR}`, countyUser)).reported).toMatchObject({ value: computed + 100, differs: true });
    // A quarter's reported figure belongs to that quarter only.
    const q3 = await t.call<Entry>('POST', '/api/v1/reported-figures', { ...body, quarter: 3, value: 7 }, countyUser);
    expect(q3.status).toBe(201);
    expect((await valueOf('training_person_times_west', `region=533401&year=${YEAR}&quarter=3`, countyUser)).reported).toMatchObject({ value: 7 });
    expect((await valueOf('training_person_times_west', `region=533401&year=${YEAR}&quarter=2`, countyUser)).reported).toBeNull();
    // Moved to the second quarter, then back to the whole year (null clears the period).
    expect((await t.call<Entry>('PATCH', `/api/v1/reported-figures/${q3.body.id}`, { quarter: null, month: 5 }, countyUser)).body).toMatchObject({ quarter: null, month: 5 });
    expect((await t.call<Entry>('PATCH', `/api/v1/reported-figures/${q3.body.id}`, { month: null }, countyUser)).body).toMatchObject({ quarter: null, month: null });
    expect((await t.call<Entry>('PATCH', `/api/v1/reported-figures/${q3.body.id}`, { month: 5 }, countyUser)).body.month).toBe(5);
    // The district cannot touch the county's own entry.
    expect((await t.call('DELETE', `/api/v1/reported-figures/${q3.body.id}`, undefined, districtUser)).status).toBe(404);
    expect((await t.call('DELETE', `/api/v1/reported-figures/${q3.body.id}`, undefined, countyUser)).status).toBe(204);
  });

  it('imports a sheet all or nothing, naming the line and the column, and exports what it holds', async () => {
    const head = ['指标', '年度', '范围类型', '区（单位名称）', '结对关系编号', '地区代码', '数值', '依据文件', '备注'];
    const bad = await xlsxOf([head, ['财政援助资金拨付', 2023, '区', '上海市闵行区人民政府', null, null, 4000, '沪合作办〔2023〕2号'], ['消费帮扶销售额', 2023, '区', '上海市不存在区人民政府', null, null, 12300, '沪合作办〔2023〕2号'], ['引进企业', 2023, '区', '上海市闵行区人民政府', null, null, -5, '沪合作办〔2023〕2号']]);
    const refused = await t.call('POST', '/api/v1/indicator-targets/import', bad, districtUser);
    expect(refused.status).toBe(400);
    expect(refused.body.details.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`)).toEqual(['3:区（单位名称）', '4:数值']);
    expect((await t.call('GET', '/api/v1/indicator-targets?year=2023', undefined, districtUser)).body.total).toBe(0);

    const good = await xlsxOf([head, ['财政援助资金拨付', 2023, '区', '上海市闵行区人民政府', null, null, 4000, '沪合作办〔2023〕2号'], ['消费帮扶销售额', 2023, '区', '上海市闵行区人民政府', null, null, 12300, '沪合作办〔2023〕2号', '含线上']]);
    const ok = await t.call('POST', '/api/v1/indicator-targets/import', good, districtUser);
    expect(ok.body, JSON.stringify(ok.body)).toMatchObject({ imported: 2 });
    const exported = await t.call('GET', '/api/v1/indicator-targets/export.xlsx?year=2023', undefined, districtUser);
    expect(exported.status).toBe(200);
    const rows = await rowsOf(exported.raw.rawPayload);
    expect(rows.length).toBe(3);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['消费帮扶销售额', '财政援助资金拨付']);
    // The template parses back: its example line imports.
    const template = await t.call('GET', '/api/v1/reported-figures/import-template.xlsx', undefined, districtUser);
    expect(template.status).toBe(200);
    const back = await t.call('POST', '/api/v1/reported-figures/import', template.raw.rawPayload, districtUser);
    expect(back.body, JSON.stringify(back.body)).toMatchObject({ imported: 1 });
  });
});
