import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();
let minhang: { id: number; name: string };
let changning: { id: number; name: string };
let westGov: { id: number; name: string };
let pairingA: { id: number };
let pairingB: { id: number };
let districtA: Caller;
let districtB: Caller;
let clerk: Caller;

const E = '/api/v1/industry/enterprises';
const paths = (res: { body: { issues: { path: string }[] } }) => res.body.issues.map((i) => i.path);
const enterprise = (over: Record<string, unknown> = {}) => ({
  name: '上海某食品有限公司香格里拉分公司', originOrgId: minhang.id, countyCode: '533401', placeCode: '533401102', industry: 'agri_processing',
  signedFen: 50_000_000_00, actualFen: 12_000_000_00, signedOn: '2024-05-20', jobs: 120, poorEmployed: 40, monitoredEmployed: 6, pairingId: pairingA.id, ...over,
});
const post = async (url: string, body: Record<string, unknown>, as?: Caller) => {
  const res = await t.call('POST', url, body, as);
  if (res.status !== 201) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
  return res.body as { id: number } & Record<string, unknown>;
};

beforeAll(async () => {
  minhang = await makeOrg(t, { name: '闵行区（产业测试）', regionCode: '310112' });
  changning = await makeOrg(t, { name: '长宁区（产业测试）', regionCode: '310105' });
  westGov = await makeOrg(t, { name: '香格里拉市人民政府（产业测试）', side: 'west', regionCode: '533401' });
  const maqin = await makeOrg(t, { name: '玛沁县人民政府（产业测试）', side: 'west', regionCode: '632621' });
  pairingA = await makePairing(t, { type: 'east_west', eastOrgId: minhang.id, westOrgId: westGov.id });
  pairingB = await makePairing(t, { type: 'counterpart', eastOrgId: changning.id, westOrgId: maqin.id });
  districtA = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
  districtB = (await t.userWith({ roles: ['district_admin'], orgId: changning.id, scopes: [{ orgId: changning.id }] })).caller;
  clerk = (await t.userWith({ roles: ['recipient_clerk'], orgId: westGov.id, scopes: [{ regionCode: '533401' }] })).caller;
});

describe('enterprises introduced', () => {
  it('registers, reads, updates and deletes one, each change audited, with names for every id', async () => {
    const before = await auditCount(t, 'industry_enterprise');
    const e = await post(E, enterprise());
    expect(e).toMatchObject({
      countyName: '香格里拉市', placeName: '小中甸镇', originOrgName: minhang.name, origin: minhang.name, originRegion: '310112', originRegionName: '闵行区',
      signedFen: 50_000_000_00, actualFen: 12_000_000_00, owningOrgId: minhang.id, owningOrgName: minhang.name, isDemo: false,
    });
    expect((await t.call('GET', `${E}/${e.id}`)).body).toEqual(e);
    // Actual investment may exceed the signed amount.
    const patched = await t.call('PATCH', `${E}/${e.id}`, { actualFen: 60_000_000_00, note: '超额到位' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ actualFen: 60_000_000_00, signedFen: 50_000_000_00, note: '超额到位', jobs: 120 });
    expect((await t.call('DELETE', `${E}/${e.id}`)).status).toBe(204);
    expect((await t.call('GET', `${E}/${e.id}`)).status).toBe(404);
    expect(await auditCount(t, 'industry_enterprise')).toBe(before + 3);
  });

  it('takes an origin outside the registry by name, with its region when given', async () => {
    const e = await post(E, enterprise({ originOrgId: null, originName: '央企中国旅游集团', originRegion: '11', actualFen: undefined, industry: 'culture_tourism' }));
    expect(e).toMatchObject({ originOrgId: null, origin: '央企中国旅游集团', originRegionName: '北京市', actualFen: 0 });
    // A new origin unit brings its own region.
    const putuo = await makeOrg(t, { name: '普陀区某集团（产业测试）', type: 'soe', regionCode: '310107' });
    const moved = await t.call('PATCH', `${E}/${e.id}`, { originOrgId: putuo.id });
    expect(moved.body).toMatchObject({ originRegion: '310107', origin: putuo.name });
  });

  it('refuses bad values on create and update, in Chinese, naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ jobs: -1 }, 'jobs', '带动就业人数不能为负'],
      [{ jobs: 2.5 }, 'jobs', '带动就业人数须为整数'],
      [{ poorEmployed: 121 }, 'poorEmployed', '脱贫人口就业人数（121）不能多于带动就业人数（120）'],
      [{ monitoredEmployed: 200 }, 'monitoredEmployed', '监测对象就业人数（200）不能多于带动就业人数（120）'],
      [{ signedFen: 1.5 }, 'signedFen', '签约投资额须为整数（分）'],
      [{ actualFen: -100 }, 'actualFen', '实际到位投资不能为负'],
      [{ signedOn: '1949-09-30' }, 'signedOn', '日期应在 1949-10-01 至 2100-12-31 之间'],
      [{ signedOn: '2024-02-30' }, 'signedOn', '不是有效的日期'],
      [{ countyCode: '310112' }, 'countyCode', '受援县不能是上海的区划'],
      [{ countyCode: '999999' }, 'countyCode', '未知的区划代码 999999'],
      [{ countyCode: '5334' }, 'countyCode', '受援县区划代码应为 6 位数字'],
      [{ placeCode: '632621100' }, 'placeCode', '乡镇或村 632621100 不在受援县 533401 内'],
      [{ industry: 'steel' }, 'industry', '行业应为以下之一'],
      [{ originOrgId: null }, 'originOrgId', '请选择引进来源单位，或填写引进来源单位名称'],
      [{ originOrgId: 999_999_999 }, 'originOrgId', '组织 999999999 不存在或不在您的数据范围内'],
      [{ name: '某' }, 'name', '企业名称至少 2 个字'],
      [{ pairingId: pairingB.id }, 'countyCode', '533401 不在该结对关系的受援方'],
    ];
    for (const [over, path, message] of cases) {
      const res = await t.call('POST', E, enterprise(over));
      expect(res.status, path).toBe(400);
      expect(paths(res), path).toEqual([path]);
      expect(res.body.issues[0].message, path).toContain(message);
      expect(res.body.message, path).toContain(path);
    }
    const west = await t.call('POST', E, enterprise({ originOrgId: westGov.id }));
    expect(west.body.issues[0]).toMatchObject({ path: 'originOrgId', message: expect.stringContaining('引进来源单位应为帮扶方（东部）单位') });
    const e = await post(E, enterprise());
    // A PATCH is held to the rules on the whole record.
    const fewer = await t.call('PATCH', `${E}/${e.id}`, { jobs: 10 });
    expect(fewer.status).toBe(400);
    expect(fewer.body.message).toBe('字段 poorEmployed：脱贫人口就业人数（40）不能多于带动就业人数（10）');
    expect(paths(await t.call('PATCH', `${E}/${e.id}`, { signedOn: '2101-01-01' }))).toEqual(['signedOn']);
  });

  it('lists by county, year, industry, pairing and name', async () => {
    const tourism = await post(E, enterprise({ name: '某文旅酒店管理公司', industry: 'culture_tourism', signedOn: '2023-11-02' }));
    const list = (q: string) => t.call('GET', `${E}?pageSize=200&${q}`).then((r) => (r.body.items as { id: number }[]).map((x) => x.id));
    expect(await list('industry=culture_tourism&year=2023')).toEqual([tourism.id]);
    expect(await list('q=文旅酒店')).toEqual([tourism.id]);
    expect(await list(`q=${encodeURIComponent('产业测试')}&year=2023`)).toEqual([tourism.id]); // by the origin unit's name
    expect(await list('county=6326')).toEqual([]);
    expect((await list(`pairing=${pairingA.id}&county=5334`)).includes(tourism.id)).toBe(true);
    expect((await t.call('GET', `${E}?industry=steel`)).status).toBe(400);
  });
});

describe('parks, workshops and contract farming', () => {
  it('keeps a park’s area in 亩 with two decimals', async () => {
    const p = await post('/api/v1/industry/parks', { name: '香格里拉沪滇协作产业园', kind: 'park', countyCode: '533401', areaMu: 1000.5, establishedOn: '2021-06-30', enterprises: 12, jobs: 300 });
    expect(p).toMatchObject({ areaMu: 1000.5, placeName: null, countyName: '香格里拉市' });
    const bad = await t.call('POST', '/api/v1/industry/parks', { name: '某基地', kind: 'planting_base', countyCode: '533401', areaMu: 12.345, establishedOn: '2021-06-30', enterprises: 0, jobs: 0 });
    expect(bad.body.issues).toEqual([{ path: 'areaMu', message: '面积最多两位小数' }]);
    const kind = await t.call('POST', '/api/v1/industry/parks', { name: '某基地', kind: 'mine', countyCode: '533401', areaMu: 1, establishedOn: '2021-06-30', enterprises: 0, jobs: 0 });
    expect(kind.body.issues[0]).toMatchObject({ path: 'kind', message: expect.stringContaining('产业园区、种植基地、养殖基地、其他') });
    expect((await t.call('PATCH', `/api/v1/industry/parks/${p.id}`, { areaMu: 0.07 })).body.areaMu).toBe(0.07);
  });

  it('keeps a workshop’s dates in order and its poor and monitored employees within its employees', async () => {
    const w = { name: '建塘镇帮扶车间（民族服饰）', countyCode: '533401', placeCode: '533401101', operatorName: '某服饰合作社', openedOn: '2022-03-01', employees: 45, poorEmployed: 30, monitoredEmployed: 3 };
    const made = await post('/api/v1/industry/workshops', w);
    expect(made).toMatchObject({ operator: '某服饰合作社', operatorOrgId: null, closedOn: null, placeName: '建塘镇' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ closedOn: '2022-02-28' }, 'closedOn', '停办日期（2022-02-28）不能早于建成投产日期（2022-03-01）'],
      [{ poorEmployed: 46 }, 'poorEmployed', '脱贫人口就业人数（46）不能多于吸纳就业人数（45）'],
      [{ monitoredEmployed: 50 }, 'monitoredEmployed', '不能多于吸纳就业人数'],
      [{ operatorName: null }, 'operatorOrgId', '请选择运营主体，或填写运营主体名称'],
      [{ employees: -1 }, 'employees', '吸纳就业人数不能为负'],
    ];
    for (const [over, path, message] of cases) {
      const res = await t.call('POST', '/api/v1/industry/workshops', { ...w, ...over });
      expect(paths(res), path).toEqual([path]);
      expect(res.body.issues[0].message, path).toContain(message);
    }
    expect(paths(await t.call('PATCH', `/api/v1/industry/workshops/${made.id}`, { employees: 20 }))).toEqual(['poorEmployed']);
  });

  it('records contract farming with its buyer, acreage, households and value', async () => {
    const f = { product: '五味子', buyerOrgId: minhang.id, countyCode: '533401', acreageMu: 1000, households: 210, contractFen: 3_000_000_00, signedOn: '2024-04-10', pairingId: pairingA.id };
    expect(await post('/api/v1/industry/contract-farming', f)).toMatchObject({ buyer: minhang.name, buyerOrgName: minhang.name, acreageMu: 1000 });
    const noBuyer = await t.call('POST', '/api/v1/industry/contract-farming', { ...f, buyerOrgId: null });
    expect(noBuyer.body.issues).toEqual([{ path: 'buyerOrgId', message: '请选择收购方，或填写收购方名称' }]);
    const neg = await t.call('POST', '/api/v1/industry/contract-farming', { ...f, acreageMu: -5 });
    expect(neg.body.issues).toEqual([{ path: 'acreageMu', message: '种植（养殖）规模不能为负' }]);
    const act = await t.call('POST', '/api/v1/industry/contract-farming', { ...f, activityId: 999_999_999 });
    expect(act.body.issues).toEqual([{ path: 'activityId', message: '工作动态 999999999 不存在或不在您的数据范围内' }]);
  });
});

describe('scope and ownership', () => {
  it('a district sees and changes what its pairing covers, never another district’s county', async () => {
    const mine = await post(E, enterprise({ name: '闵行区引进的企业' }), districtA);
    expect(mine.owningOrgId).toBe(minhang.id);
    const theirs = await post(E, enterprise({ name: '长宁区引进的企业', originOrgId: changning.id, countyCode: '632621', placeCode: null, pairingId: pairingB.id }), districtB);
    const seen = async (as: Caller) => (await t.call('GET', `${E}?pageSize=200`, undefined, as)).body.items.map((x: { id: number }) => x.id);
    expect(await seen(districtA)).toContain(mine.id);
    expect(await seen(districtA)).not.toContain(theirs.id);
    expect(await seen(districtB)).toEqual([theirs.id]);
    for (const [method, body] of [['GET', undefined], ['PATCH', { note: '越权' }], ['DELETE', undefined]] as const) {
      expect((await t.call(method, `${E}/${mine.id}`, body, districtB)).status, method).toBe(404);
    }
    // Creating in another district's county: its pairing is an unknown reference, without one the county is out of scope.
    const withPairing = await t.call('POST', E, enterprise({ originOrgId: changning.id }), districtB);
    expect(withPairing.status).toBe(400);
    expect(withPairing.body.issues[0]).toMatchObject({ path: 'pairingId', message: `结对关系 ${pairingA.id} 不存在或不在您的数据范围内` });
    const without = await t.call('POST', E, enterprise({ originOrgId: null, originName: '某公司', pairingId: null }), districtB);
    expect(without.status).toBe(403);
    expect(without.body.message).toContain('不在您的数据范围内');
    const moved = await t.call('PATCH', `${E}/${theirs.id}`, { countyCode: '533401', placeCode: null, pairingId: null, originOrgId: null, originName: '某公司' }, districtB);
    expect(moved.status).toBe(403);
    const summary = await t.call('GET', '/api/v1/industry/summary?year=2024', undefined, districtB);
    expect(summary.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['632621']);
  });

  it('a county clerk sees the records of its county but may change only its own (403)', async () => {
    const districts = await post(E, enterprise({ name: '区里登记的企业' }), districtA);
    const own = await post(E, enterprise({ name: '县里登记的企业', pairingId: null }), clerk);
    expect(own.owningOrgId).toBe(westGov.id);
    expect((await t.call('GET', `${E}/${districts.id}`, undefined, clerk)).status).toBe(200);
    const refused = await t.call('PATCH', `${E}/${districts.id}`, { note: '县里改' }, clerk);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'owningOrgId' }] });
    expect(refused.body.message).toContain(`由${minhang.name}登记`);
    expect((await t.call('DELETE', `${E}/${districts.id}`, undefined, clerk)).status).toBe(403);
    expect((await t.call('PATCH', `${E}/${own.id}`, { jobs: 130 }, clerk)).status).toBe(200);
    // The district sees the clerk's record in the county its pairing covers, but may not change it either.
    expect((await t.call('PATCH', `${E}/${own.id}`, { note: '区里改' }, districtA)).status).toBe(403);
    expect((await t.call('DELETE', `${E}/${own.id}`, undefined, clerk)).status).toBe(204);
    // Naming an owner outside one's scope is refused on the field.
    const owner = await t.call('POST', E, enterprise({ owningOrgId: changning.id }), clerk);
    expect(owner.body.issues).toEqual([{ path: 'owningOrgId', message: `登记单位 ${changning.id} 不存在或不在您的数据范围内` }]);
  });

  it('needs activity:read to read and activity:write to record', async () => {
    const reader = (await t.userWith({ roles: ['reader'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
    expect((await t.call('GET', E, undefined, reader)).status).toBe(200);
    expect((await t.call('POST', E, enterprise(), reader)).status).toBe(403);
    expect((await t.call('GET', E, undefined, null)).status).toBe(401);
  });
});
