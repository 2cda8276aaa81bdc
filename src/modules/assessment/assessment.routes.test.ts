import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { rowsOf } from '../../testing/xlsx.ts';
import { loadDemoData } from '../../app/demo.ts';
import { systemContext } from '../../platform/context.ts';
import { INDICATORS } from '../indicators/indicators.definitions.ts';
import { evidenceRows } from '../indicators/indicators.service.ts';
import type { IndicatorReport } from '../indicators/indicators.contract.ts';
import { figure } from './assessment.figures.ts';
import type { OpinionList, ReportSummary, Sample, SampleList } from './assessment.contract.ts';

/**
 * The self-assessment over the demo records: the report prints computeIndicators' figures, the
 * paired side's opinions are recorded by whoever sees the scope or by a paired unit for itself,
 * and the cross-check's draw is repeatable and drawn from each indicator's evidence.
 */
const t = useTestApp();
const YEAR = 2020;
let minhang: number;
let changning: number;
let shangrila: number;
let justice: number;
let zepu: number;
let honghe: number;
let districtUser: Caller;
let countyUser: Caller;
let stranger: Caller;

const get = <T = any>(url: string, as: Caller = t.admin) => t.call<T>('GET', url, undefined, as);
const documentXml = async (payload: Buffer) => {
  const zip = await JSZip.loadAsync(payload);
  expect(zip.file('[Content_Types].xml')).toBeTruthy();
  return zip.file('word/document.xml')!.async('string');
};
const drawn = (s: Sample) => s.items.map((i) => `${i.indicator}:${i.kind}:${i.recordId}:${i.placeName ?? ''}`);

beforeAll(async () => {
  await loadDemoData(t.database.db);
  const org = async (name: string) => Number((await t.database.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
  minhang = await org('上海市闵行区人民政府');
  changning = await org('上海市长宁区人民政府');
  shangrila = await org('香格里拉市人民政府');
  justice = await org('香格里拉市司法局');
  zepu = await org('泽普县人民政府');
  honghe = await org('红河县人民政府');
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: await org('闵行区合作交流办'), scopes: [{ orgId: minhang }] })).caller;
  countyUser = (await t.userWith({ roles: ['recipient_clerk'], orgId: shangrila, scopes: [{ regionCode: '533401' }] })).caller;
  stranger = (await t.userWith({ roles: ['recipient_clerk'], orgId: honghe, scopes: [{ regionCode: '532529' }] })).caller;
});

describe('opinions (征求意见)', () => {
  const body = (fromOrgId: number, extra: Record<string, unknown> = {}) => ({ year: YEAR, fromOrgId, opinion: '协作机制健全，资金项目落实到位。', givenOn: '2020-12-20', ...extra });

  it('records an opinion received from a paired unit, and lists the units that may give one', async () => {
    const res = await t.call('POST', '/api/v1/assessment/opinions', body(shangrila), districtUser);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ scope: { kind: 'district', id: minhang }, fromOrgId: shangrila, fromOrgName: '香格里拉市人民政府', year: YEAR });
    const list = await get<OpinionList>(`/api/v1/assessment/opinions?year=${YEAR}`, districtUser);
    expect(list.status).toBe(200);
    expect(list.body.items.map((o) => o.id)).toContain(res.body.id);
    expect(list.body.counterparts.map((c) => c.id)).toEqual(expect.arrayContaining([shangrila, justice, zepu]));
    expect((await t.call('POST', '/api/v1/assessment/opinions', body(zepu, { opinion: '泽普县的意见。' }), districtUser)).status).toBe(201);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'assessment_opinion').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a unit that is not the other side of the scope, naming fromOrgId', async () => {
    const res = await t.call('POST', '/api/v1/assessment/opinions', body(honghe), districtUser);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('fromOrgId');
    expect(res.body.message).toMatch(/结对方/);
  });

  it('lets a paired unit record its own opinion on a scope it cannot see, and only its own', async () => {
    expect((await get(`/api/v1/indicators/values?year=${YEAR}&district=${minhang}`, countyUser)).status).toBe(404);
    const own = await t.call('POST', '/api/v1/assessment/opinions', body(shangrila, { district: minhang, opinion: '援派干部作用发挥明显。' }), countyUser);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const other = await t.call('POST', '/api/v1/assessment/opinions', body(zepu, { district: minhang }), countyUser);
    expect(other.status).toBe(400);
    expect(other.body.issues[0].path).toBe('fromOrgId');
    const list = await get<OpinionList>(`/api/v1/assessment/opinions?year=${YEAR}&district=${minhang}`, countyUser);
    expect(list.status).toBe(200);
    const mine = list.body.counterparts.map((c) => c.id);
    expect(mine).toEqual(expect.arrayContaining([shangrila, justice]));
    expect(mine).not.toContain(zepu);
    expect(list.body.items.map((o) => o.opinion)).toEqual(expect.arrayContaining(['援派干部作用发挥明显。']));
    expect(list.body.items.every((o) => mine.includes(o.fromOrgId))).toBe(true);
  });

  it('answers a stranger as for an unknown scope', async () => {
    expect((await t.call('POST', '/api/v1/assessment/opinions', body(honghe, { district: minhang }), stranger)).status).toBe(404);
    expect((await get(`/api/v1/assessment/opinions?year=${YEAR}&district=${minhang}`, stranger)).status).toBe(404);
  });
});

describe('the report (自评报告)', () => {
  it('prints the scope, every area and the figures computeIndicators gives, with the opinions and the evidence', async () => {
    const res = await get(`/api/v1/assessment/report.docx?year=${YEAR}&district=${minhang}`);
    expect(res.status).toBe(200);
    expect(String(res.raw.headers['content-type'])).toContain('wordprocessingml');
    expect(res.raw.headers['content-disposition']).toContain(encodeURIComponent(`自评报告-上海市闵行区人民政府-${YEAR}.docx`));
    const xml = await documentXml(res.raw.rawPayload);
    expect(xml.includes(`上海市闵行区人民政府${YEAR}年东西部协作工作自评报告`), `上海市闵行区人民政府${YEAR}年东西部协作工作自评报告`).toBe(true);
    for (const heading of ['一、组织领导', '三、资金使用', '七、消费帮扶', '“十有”情况', '征求意见情况', '附件：佐证记录清单']) expect(xml.includes(heading), heading).toBe(true);
    const values = await get<IndicatorReport>(`/api/v1/indicators/values?year=${YEAR}&district=${minhang}`);
    const allocated = values.body.items.find((i) => i.code === 'fund_allocated')!;
    expect(allocated.value).toBeGreaterThan(0);
    expect(xml.includes(`>${figure(allocated.value!)}<`), `>${figure(allocated.value!)}<`).toBe(true);
    expect(xml.includes(`下达财政援助资金${figure(allocated.value!)}万元`), `下达财政援助资金${figure(allocated.value!)}万元`).toBe(true);
    expect(xml.includes('协作机制健全，资金项目落实到位。'), '协作机制健全，资金项目落实到位。').toBe(true);

    // The 资金使用 chart: a native Word chart whose bars are this year's and last year's 万元 figures.
    const zip = await JSZip.loadAsync(res.raw.rawPayload);
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const funds = charts.find((c) => c.includes('资金使用主要指标（万元）'));
    expect(funds, charts.map((c) => c.slice(0, 80)).join('\n')).toBeTruthy();
    expect(funds!.includes(`<c:v>${allocated.value}</c:v>`), `<c:v>${allocated.value}</c:v>`).toBe(true);
    expect(funds!.includes(`<c:v>${allocated.previous ?? 0}</c:v>`)).toBe(true);
    expect(funds!.includes('财政援助资金下达')).toBe(true);
  });

  it('says 本年度尚无记录 in every area of a year without records', async () => {
    const res = await get(`/api/v1/assessment/report.docx?year=2001&district=${minhang}`);
    expect(res.status).toBe(200);
    const xml = await documentXml(res.raw.rawPayload);
    expect(xml.match(/本年度尚无记录/g)?.length).toBe(7);
    expect(Object.keys((await JSZip.loadAsync(res.raw.rawPayload)).files).filter((f) => f.startsWith('word/charts/'))).toEqual([]);
    expect(xml.includes('本年度尚无佐证记录'), '本年度尚无佐证记录').toBe(true);
  });

  it('sums up what the report holds', async () => {
    const res = await get<ReportSummary>(`/api/v1/assessment/report?year=${YEAR}`, districtUser);
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ kind: 'district', id: minhang });
    expect(res.body.areas.map((a) => a.areaName)).toEqual(['组织领导', '人才交流', '资金使用', '产业合作', '劳务协作', '携手奔小康', '消费帮扶']);
    expect(res.body.areas.reduce((s, a) => s + a.indicators, 0)).toBe(INDICATORS.length);
    expect(res.body.areas.find((a) => a.area === 'funds')!.withRecords).toBeGreaterThan(0);
    expect(res.body.opinions).toBe(3);
  });

  it('refuses a scope out of sight as unknown, and a bad year naming it', async () => {
    expect((await get(`/api/v1/assessment/report.docx?year=${YEAR}&district=${changning}`, districtUser)).status).toBe(404);
    expect((await get(`/api/v1/assessment/report?year=${YEAR}&region=532529`, districtUser)).status).toBe(404);
    const bad = await get('/api/v1/assessment/report.docx?year=20x');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('year');
    expect((await get('/api/v1/assessment/report')).body.issues[0].path).toBe('year');
  });
});

describe('cross-check samples (交叉核查)', () => {
  const make = async (seed: number, extra: Record<string, unknown> = {}) => {
    const res = await t.call<Sample>('POST', '/api/v1/assessment/samples', { year: YEAR, district: minhang, seed, perIndicator: 2, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  let first: Sample;

  it('draws the same records for the same seed and others for another, each from its indicator\'s evidence', async () => {
    first = await make(42);
    const again = await make(42);
    const other = await make(7);
    expect(first.items.length).toBeGreaterThan(10);
    expect(drawn(again)).toEqual(drawn(first));
    expect(first.pools.some((p) => p.total > p.drawn)).toBe(true);
    expect(drawn(other)).not.toEqual(drawn(first));
    for (const p of first.pools) expect(p.drawn).toBe(Math.min(2, p.total));
    for (const code of new Set(first.items.map((i) => i.indicator))) {
      const { rows } = await evidenceRows(t.database.db, systemContext, code, { year: YEAR, district: minhang }, { limit: 100_000, offset: 0 });
      const keys = new Set(rows.map((r) => `${r.kind}:${r.id}`));
      for (const i of first.items.filter((x) => x.indicator === code)) expect(keys.has(`${i.kind}:${i.recordId}`), `${code} ${i.kind} ${i.recordId}`).toBe(true);
    }
  });

  it('keeps a checker\'s verdict, and refuses an index out of range naming it', async () => {
    const res = await t.call<Sample>('PATCH', `/api/v1/assessment/samples/${first.id}/items/1`, { verified: false, note: '原始凭证缺失' }, districtUser);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[1]).toMatchObject({ verified: false, note: '原始凭证缺失' });
    expect(res.body.items[1].checkedBy).toBeTruthy();
    const read = await get<Sample>(`/api/v1/assessment/samples/${first.id}`, districtUser);
    expect(read.body.items[1]).toMatchObject({ verified: false, note: '原始凭证缺失' });
    expect(read.body.checked).toBe(1);
    const bad = await t.call('PATCH', `/api/v1/assessment/samples/${first.id}/items/${first.items.length}`, { verified: true });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('index');
    const list = await get<SampleList>(`/api/v1/assessment/samples?year=${YEAR}`, districtUser);
    expect(list.body.items.map((s) => s.id)).toEqual(expect.arrayContaining([first.id]));
    expect(list.body.items.find((s) => s.id === first.id)).toMatchObject({ count: first.items.length, checked: 1, seed: 42 });
  });

  it('exports the checklist, one row per drawn record', async () => {
    const res = await get(`/api/v1/assessment/samples/${first.id}/export.xlsx`);
    expect(res.status).toBe(200);
    const rows = await rowsOf(res.raw.rawPayload);
    expect(rows.length).toBe(first.items.length + 1);
    expect(rows[0][0]).toBe('序号');
    expect(rows[2]).toContain('不属实');
  });

  it('hides a sample of a scope out of sight as unknown', async () => {
    const theirs = await make(1, { district: changning });
    expect((await get(`/api/v1/assessment/samples/${theirs.id}`, districtUser)).status).toBe(404);
    expect((await get(`/api/v1/assessment/samples/${theirs.id}/export.xlsx`, districtUser)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/assessment/samples/${theirs.id}/items/0`, { verified: true }, districtUser)).status).toBe(404);
    expect((await t.call('POST', '/api/v1/assessment/samples', { year: YEAR, district: changning, seed: 1, perIndicator: 1 }, districtUser)).status).toBe(404);
    expect((await get('/api/v1/assessment/samples/99999999')).status).toBe(404);
    const huge = await get('/api/v1/assessment/samples/99999999999999999999');
    expect(huge.status, JSON.stringify(huge.body)).toBe(400);
    const negative = await t.call('PATCH', `/api/v1/assessment/samples/${theirs.id}/items/-1`, { verified: true });
    expect(negative.status).toBe(400);
    expect(negative.body.issues[0].path).toBe('index');
  });

  it('keeps a city-wide sample from a district user, whose own scope it is not', async () => {
    const city = await t.call<Sample>('POST', '/api/v1/assessment/samples', { year: YEAR, seed: 3, perIndicator: 1 });
    expect(city.status, JSON.stringify(city.body)).toBe(201);
    expect(city.body.scope.kind).toBe('city');
    expect((await get(`/api/v1/assessment/samples/${city.body.id}`)).status).toBe(200);
    expect((await get(`/api/v1/assessment/samples/${city.body.id}`, districtUser)).status).toBe(404);
    const summary = await get<ReportSummary>(`/api/v1/assessment/report?year=${YEAR}`);
    expect(summary.body).toMatchObject({ scope: { kind: 'city' }, samples: 1 });
  });
});
