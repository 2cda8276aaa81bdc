import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { makeOrg } from '../../testing/factories.ts';

const t = useTestApp();
let minhang: { id: number };
let changning: { id: number };
let districtUser: Caller;
let countyClerk: Caller;
let frontline: Caller;
let ids: Record<string, { id: number; personId: number }> = {};

const post = async (key: string, b: Record<string, unknown>) => {
  const res = await t.call('POST', '/api/v1/dispatches', { programme: 'qing', batch: '第五批', ...b });
  if (res.status !== 201) throw new Error(`${key}: ${JSON.stringify(res.body)}`);
  ids[key] = res.body;
};
const person = (name: string, origin: { id: number }) => ({ name, sex: 'male', originOrgId: origin.id });

/**
 * On post in 2023, 果洛州 (6326): 班玛县 A (cadre), B (teacher, 组团式教育), C (teacher, 组团式教育, then 其他);
 * 久治县 D (doctor, 组团式医疗), F (teacher, returned early in May); the prefecture H (cadre, 副州长).
 * Not on post in 2023: E (2021–2022), G (from 2024). A, B, C come from 闵行区; the rest from 长宁区.
 */
beforeAll(async () => {
  minhang = await makeOrg(t, { name: '闵行区（范围测试）', regionCode: '310112' });
  changning = await makeOrg(t, { name: '长宁区（范围测试）', regionCode: '310105' });
  const banma = await makeOrg(t, { name: '班玛县人民政府', side: 'west', regionCode: '632622' });
  const jiuzhi = await makeOrg(t, { name: '久治县人民政府', side: 'west', regionCode: '632625' });
  await post('A', { person: person('援青干部甲', minhang), category: 'cadre', hostOrgId: banma.id, termStart: '2022-07-01' });
  await post('B', { person: person('援青教师01', minhang), category: 'teacher', team: 'education', hostOrgId: banma.id, termStart: '2023-03-01' });
  await post('C', { person: person('援青教师02', minhang), category: 'teacher', team: 'education', hostOrgId: banma.id, termStart: '2022-03-01' });
  await post('C2', { personId: ids.C.personId, category: 'other', hostOrgId: banma.id, termStart: '2023-09-01', termEnd: '2024-08-31' });
  await post('D', { person: person('援青医生01', changning), category: 'doctor', team: 'medical', hostOrgId: jiuzhi.id, termStart: '2023-08-01' });
  await post('E', { person: person('援青医生02', changning), category: 'doctor', team: 'medical', hostOrgId: jiuzhi.id, termStart: '2021-08-01' });
  await post('F', { person: person('援青教师03', changning), category: 'teacher', hostOrgId: jiuzhi.id, termStart: '2023-03-01', status: 'returned_early', actualEnd: '2023-05-31' });
  await post('G', { person: person('援青干部乙', changning), category: 'cadre', hostOrgId: jiuzhi.id, termStart: '2024-01-01' });
  await post('H', { person: person('援青干部丙', changning), category: 'cadre', hostRegion: '6326', post: '果洛州副州长', termStart: '2022-07-01' });
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
  countyClerk = (await t.userWith({ roles: ['recipient_clerk'], orgId: jiuzhi.id, scopes: [{ regionCode: '632625' }] })).caller;
  frontline = (await t.userWith({ roles: ['frontline'], scopes: [{ regionCode: '632625' }] })).caller;
});

const zero = { cadre: 0, teacher: 0, doctor: 0, agri: 0, other: 0 };

describe('the yearly counts', () => {
  it('counts people on post during the year per county, by category and 组团式 team (hand-computed)', async () => {
    const res = await t.call('GET', '/api/v1/personnel/summary?county=6326&year=2023');
    expect(res.status).toBe(200);
    expect(res.body.counties).toEqual([
      { countyCode: '6326', countyName: '果洛藏族自治州', byCategory: { ...zero, cadre: 1 }, teams: { education: 0, medical: 0 }, total: 1 },
      { countyCode: '632622', countyName: '班玛县', byCategory: { ...zero, cadre: 1, teacher: 2, other: 1 }, teams: { education: 2, medical: 0 }, total: 3 },
      { countyCode: '632625', countyName: '久治县', byCategory: { ...zero, teacher: 1, doctor: 1 }, teams: { education: 0, medical: 1 }, total: 2 },
    ]);
    expect(res.body.total).toEqual({ byCategory: { cadre: 2, teacher: 3, doctor: 1, agri: 0, other: 1 }, teams: { education: 2, medical: 1 }, total: 6 });
    const one = await t.call('GET', '/api/v1/personnel/summary?county=632625&year=2024');
    expect(one.body.total).toEqual({ byCategory: { ...zero, cadre: 1, doctor: 1 }, teams: { education: 0, medical: 1 }, total: 2 });
  });

  it('counts only what is in the caller scope', async () => {
    const res = await t.call('GET', '/api/v1/personnel/summary?county=6326&year=2023', undefined, districtUser);
    expect(res.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['632622']);
    expect(res.body.total.total).toBe(3);
    const clerk = await t.call('GET', '/api/v1/personnel/summary?year=2023', undefined, countyClerk);
    expect(clerk.body.total.total).toBe(2);
  });

  it('refuses a summary without a year', async () => {
    expect((await t.call('GET', '/api/v1/personnel/summary?county=6326')).status).toBe(400);
  });
});

describe('personal data stays inside the scope', () => {
  it('a district user sees its own cadres, not another district’s people in another county', async () => {
    const list = await t.call('GET', '/api/v1/dispatches?pageSize=200', undefined, districtUser);
    const seen = (list.body.items as { id: number }[]).map((x) => x.id);
    expect(seen).toEqual(expect.arrayContaining([ids.A.id, ids.B.id, ids.C.id]));
    expect(seen).not.toContain(ids.D.id);
    const people = await t.call('GET', '/api/v1/persons?pageSize=200', undefined, districtUser);
    expect((people.body.items as { id: number }[]).map((p) => p.id)).not.toContain(ids.D.personId);
    expect((await t.call('GET', `/api/v1/persons/${ids.D.personId}`, undefined, districtUser)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/dispatches/${ids.D.id}`, undefined, districtUser)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/dispatches/${ids.D.id}`, { note: 'x' }, districtUser)).status).toBe(404);
  });

  it('a county sees the people posted there (not their other postings), and may not change them', async () => {
    const list = await t.call('GET', '/api/v1/dispatches?pageSize=200', undefined, countyClerk);
    expect((list.body.items as { id: number }[]).map((x) => x.id).sort()).toEqual([ids.D.id, ids.E.id, ids.F.id, ids.G.id].sort());
    expect((await t.call('GET', `/api/v1/persons/${ids.A.personId}`, undefined, countyClerk)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/persons/${ids.D.personId}`, { phone: '13900000000' }, countyClerk)).status).toBe(403);
  });

  it('creating outside the scope answers 403; a frontline group registers a person with the dispatch that brings them in', async () => {
    const own = await t.call('POST', '/api/v1/persons', person('范围外人员', minhang), frontline);
    expect(own.status).toBe(403);
    const outside = await t.call('POST', '/api/v1/dispatches', { person: person('范围外人员', minhang), category: 'cadre', programme: 'qing', hostRegion: '632622', termStart: '2024-07-01' }, frontline);
    expect(outside.status).toBe(403);
    const inside = await t.call('POST', '/api/v1/dispatches', { person: person('久治挂职干部', minhang), category: 'cadre', programme: 'qing', hostRegion: '632625', termStart: '2024-07-01' }, frontline);
    expect(inside.status).toBe(201);
    expect((await t.call('GET', `/api/v1/persons/${inside.body.personId}`, undefined, frontline)).status).toBe(200);
    const away = await t.call('PATCH', `/api/v1/dispatches/${inside.body.id}`, { hostRegion: '632622' }, frontline);
    expect(away.status).toBe(403);
  });
});
