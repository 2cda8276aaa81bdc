import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';
import { rowsOf, xlsxOf as sheet } from '../../testing/xlsx.ts';

const t = useTestApp();
let origin: { id: number; name: string };
let buyer: { id: number; name: string };

beforeAll(async () => {
  origin = await makeOrg(t, { name: '闵行区（产业表格测试）', regionCode: '310112' });
  buyer = await makeOrg(t, { name: '上海某药业有限公司（产业表格测试）', type: 'private_enterprise', regionCode: '310112' });
});

const E = '/api/v1/industry/enterprises';
const heads = ['企业名称', '引进来源', '县代码', '乡镇/村代码', '行业', '签约投资额（元）', '实际到位投资（元）', '签约日期', '带动就业人数', '脱贫人口就业人数', '监测对象就业人数', '备注'];
const pick = (items: Record<string, unknown>[], keys: string[]) => items.map((x) => Object.fromEntries(keys.map((k) => [k, x[k]])));

describe('spreadsheets of 产业合作', () => {
  it('offers a template per kind with an example row and the notes sheet', async () => {
    for (const [path, header] of [['enterprises', '签约投资额（元）'], ['parks', '面积（亩）'], ['workshops', '吸纳就业人数'], ['contract-farming', '规模（亩）']]) {
      const res = await t.call('GET', `/api/v1/industry/${path}/import-template.xlsx`);
      expect(res.status, path).toBe(200);
      const [headers, example] = await rowsOf(res.raw.rawPayload);
      expect(headers, path).toContain(header);
      expect(headers, path).not.toContain('登记单位'); // export-only columns are not in the template
      expect(example.length, path).toBeGreaterThan(3);
    }
  });

  it('imports enterprises all or nothing, naming each bad row and column', async () => {
    const bad = await sheet([
      heads,
      ['上海某食品有限公司', origin.name, '533401', '533401102', '农产品加工', '59000000.5', 1_000_000, '2024-05-20', 120, 40, 6, null],
      ['某文旅公司', '央企中国旅游集团', '533401', null, '文化旅游', 100_000_000, null, '2024-06-01', 10, 11, 0, null],
      ['某钢铁公司', origin.name, '533401', null, '钢铁', 1, 0, '2024-06-01', 1, 0, 0, null],
      ['某能源公司', origin.name, '533401', null, '新能源', -5, 0, '2024-06-01', 1, 0, 0, null],
    ]);
    const refused = await t.call('POST', `${E}/import`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.details.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`)).toEqual(['3:脱贫人口就业人数', '4:行业', '5:签约投资额（元）']);
    expect((await t.call('GET', E)).body.total).toBe(0);
    const ok = await t.call('POST', `${E}/import?skipInvalid=true`, bad);
    expect(ok.body).toMatchObject({ total: 4, imported: 1, skippedRows: 3 });
    const [e] = (await t.call('GET', E)).body.items;
    expect(e).toMatchObject({ originOrgId: origin.id, originRegion: '310112', placeName: '小中甸镇', signedFen: 5_900_000_050, actualFen: 100_000_000, industry: 'agri_processing' });
  });

  it('exports what the list shows and imports the export back unchanged (元, 亩, organisations by name)', async () => {
    await t.call('POST', E, { name: '某文旅酒店管理公司', originName: '央企中国旅游集团', countyCode: '533401', industry: 'culture_tourism', signedFen: 12_345_67, signedOn: '2024-06-01', jobs: 8, poorEmployed: 2, monitoredEmployed: 0, note: '合作意向' });
    await t.call('POST', '/api/v1/industry/parks', { name: '香市电商产业园', kind: 'park', countyCode: '533401', placeCode: '533401101', areaMu: 12.75, establishedOn: '2019-01-01', enterprises: 30, jobs: 210 });
    await t.call('POST', '/api/v1/industry/workshops', { name: '某村帮扶车间', countyCode: '533401', operatorOrgId: buyer.id, openedOn: '2022-03-01', closedOn: '2023-12-31', employees: 45, poorEmployed: 30, monitoredEmployed: 3 });
    await t.call('POST', '/api/v1/industry/contract-farming', { product: '五味子', buyerOrgId: buyer.id, countyCode: '533401', acreageMu: 1000.5, households: 210, contractFen: 3_000_000_00, signedOn: '2024-04-10' });
    const kinds: [string, string[]][] = [
      ['enterprises', ['name', 'origin', 'originOrgId', 'originRegion', 'countyCode', 'placeCode', 'industry', 'signedFen', 'actualFen', 'signedOn', 'jobs', 'poorEmployed', 'monitoredEmployed', 'note']],
      ['parks', ['name', 'kind', 'countyCode', 'placeCode', 'areaMu', 'establishedOn', 'enterprises', 'jobs']],
      ['workshops', ['name', 'operatorOrgId', 'operatorName', 'openedOn', 'closedOn', 'employees', 'poorEmployed', 'monitoredEmployed']],
      ['contract-farming', ['product', 'buyerOrgId', 'acreageMu', 'households', 'contractFen', 'signedOn']],
    ];
    for (const [path, keys] of kinds) {
      const url = `/api/v1/industry/${path}`;
      const before = (await t.call('GET', `${url}?county=533401&pageSize=200`)).body.items;
      const file = await t.call('GET', `${url}/export.xlsx?county=533401`);
      expect(file.status, path).toBe(200);
      const rows = await rowsOf(file.raw.rawPayload);
      expect(rows, path).toHaveLength(before.length + 1);
      expect(rows[0], path).toEqual(expect.arrayContaining(['受援县', '登记单位']));
      const back = await t.call('POST', `${url}/import`, file.raw.rawPayload);
      expect(back.body, path).toMatchObject({ imported: before.length });
      const after = (await t.call('GET', `${url}?county=533401&pageSize=200`)).body.items;
      expect(after, path).toHaveLength(before.length * 2);
      const sorted = (xs: Record<string, unknown>[]) => pick(xs, keys).map((x) => JSON.stringify(x)).sort();
      expect(sorted(after.filter((x: { id: number }) => !before.some((b: { id: number }) => b.id === x.id))), path).toEqual(sorted(before));
    }
    const money = await rowsOf((await t.call('GET', `${E}/export.xlsx?q=${encodeURIComponent('文旅酒店')}`)).raw.rawPayload);
    const col = (h: string) => money[0].indexOf(h);
    expect(money[1][col('签约投资额（元）')]).toBe(12_345.67);
    expect(money[1][col('行业')]).toBe('文化旅游');
    expect(money[1][col('受援县')]).toBe('香格里拉市');
  });

  it('refuses an area with more than two decimals and a negative acreage by cell', async () => {
    const res = await t.call('POST', '/api/v1/industry/parks/import', await sheet([['名称', '类型', '县代码', '面积（亩）', '建成（认定）日期'], ['某基地', '种植基地', '533401', 1.234, '2024-01-01'], ['某基地二', '养殖基地', '533401', -1, '2024-01-01']]));
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toMatchObject([{ row: 2, column: '面积（亩）', reason: '最多两位小数，而不是「1.234」' }, { row: 3, column: '面积（亩）', reason: '不能为负数' }]);
  });
});
