import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg } from '../../testing/factories.ts';

const t = useTestApp();
let minhang: { id: number };
let shangriLa: { id: number };
let maqin: { id: number };
let n = 0;

const person = (over: Record<string, unknown> = {}) => ({ name: `测试干部${++n}`, sex: 'male', originOrgId: minhang.id, ...over });
const body = (over: Record<string, unknown> = {}) => ({ person: person(), category: 'cadre', programme: 'dian', batch: '第十批', hostOrgId: shangriLa.id, post: '挂职副市长', termStart: '2019-07-01', ...over });
const dispatch = async (over: Record<string, unknown> = {}) => {
  const res = await t.call('POST', '/api/v1/dispatches', body(over));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; personId: number; termEnd: string; countyCode: string };
};
const paths = (res: { body: { issues: { path: string }[] } }) => res.body.issues.map((i) => i.path);

beforeAll(async () => {
  minhang = await makeOrg(t, { name: '上海市闵行区人民政府', regionCode: '310112' });
  shangriLa = await makeOrg(t, { name: '香格里拉市人民政府', side: 'west', regionCode: '533401' });
  maqin = await makeOrg(t, { name: '玛沁县人民政府', side: 'west', regionCode: '632621' });
});

describe('terms', () => {
  it('defaults the expected end: 3 years for cadres, 1 year for teachers and doctors; audits the person and the dispatch', async () => {
    const before = await auditCount(t, 'dispatch');
    const cadre = await dispatch();
    expect(cadre).toMatchObject({ termEnd: '2022-06-30', countyCode: '533401', status: 'on_post' });
    expect(await auditCount(t, 'dispatch')).toBe(before + 1);
    expect((await dispatch({ category: 'teacher', team: 'education', termStart: '2024-03-01' })).termEnd).toBe('2025-02-28');
    expect((await dispatch({ category: 'doctor', team: 'medical', termStart: '2023-08-01' })).termEnd).toBe('2024-07-31');
    expect((await dispatch({ category: 'teacher', termStart: '2024-03-01', termEnd: '2024-07-15' })).termEnd).toBe('2024-07-15');
  });

  it('refuses an end before the start, a category without a default term, and a missing person, naming the field', async () => {
    const early = await t.call('POST', '/api/v1/dispatches', body({ termEnd: '2019-06-30' }));
    expect(early.status).toBe(400);
    expect(paths(early)).toEqual(['termEnd']);
    const agri = await t.call('POST', '/api/v1/dispatches', body({ category: 'agri' }));
    expect(agri.status).toBe(400);
    expect(paths(agri)).toEqual(['termEnd']);
    const both = await t.call('POST', '/api/v1/dispatches', body({ personId: 1 }));
    expect(both.status).toBe(400);
    expect(paths(both)).toContain('personId');
    const noOrigin = await t.call('POST', '/api/v1/dispatches', body({ person: { name: '无单位', sex: 'female' } }));
    expect(paths(noOrigin)).toEqual(['person.originOrgId']);
  });

  it('needs an actual end for 提前返回 (before the expected end), and none while on post', async () => {
    const d = await dispatch({ termStart: '2016-07-01' });
    const noDate = await t.call('PATCH', `/api/v1/dispatches/${d.id}`, { status: 'returned_early' });
    expect(noDate.status).toBe(400);
    expect(paths(noDate)).toEqual(['actualEnd']);
    const late = await t.call('PATCH', `/api/v1/dispatches/${d.id}`, { status: 'returned_early', actualEnd: '2019-06-30' });
    expect(paths(late)).toEqual(['actualEnd']);
    const onPost = await t.call('PATCH', `/api/v1/dispatches/${d.id}`, { actualEnd: '2017-01-31' });
    expect(paths(onPost)).toEqual(['actualEnd']);
    const ok = await t.call('PATCH', `/api/v1/dispatches/${d.id}`, { status: 'returned_early', actualEnd: '2017-01-31' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'returned_early', actualEnd: '2017-01-31', termEnd: '2019-06-30' });
  });

  it('refuses a host that is not a recipient-side unit or place', async () => {
    expect(paths(await t.call('POST', '/api/v1/dispatches', body({ hostOrgId: minhang.id })))).toEqual(['hostOrgId']);
    expect(paths(await t.call('POST', '/api/v1/dispatches', body({ hostOrgId: null })))).toEqual(['hostOrgId']);
    const prefecture = await dispatch({ hostOrgId: null, hostRegion: '6326', post: '果洛州副州长', termStart: '2010-07-01' });
    expect(prefecture.countyCode).toBe('6326');
  });
});

describe('one post at a time', () => {
  it('refuses overlapping dispatches of one person with 409 naming the other, on create and on update', async () => {
    const first = await dispatch({ termStart: '2005-07-01' });
    const again = await t.call('POST', '/api/v1/dispatches', { ...body({ termStart: '2008-01-01' }), person: undefined, personId: first.personId });
    expect(again.status).toBe(409);
    expect(again.body.details.existingId).toBe(first.id);
    expect(again.body.message).toContain(`派驻记录 ${first.id}`);
    const after = await t.call('POST', '/api/v1/dispatches', { ...body({ termStart: '2008-07-01', hostOrgId: maqin.id, programme: 'qing' }), person: undefined, personId: first.personId });
    expect(after.status).toBe(201);
    const moved = await t.call('PATCH', `/api/v1/dispatches/${after.body.id}`, { termStart: '2008-06-01' });
    expect(moved.status).toBe(409);
    expect(moved.body.details.existingId).toBe(first.id);
  });

  it('lets only one of two concurrent overlapping dispatches of one person through (the person row is locked)', async () => {
    const p = await t.call('POST', '/api/v1/persons', person());
    const b = { ...body({ termStart: '2030-07-01' }), person: undefined, personId: p.body.id };
    const results = await Promise.all([t.call('POST', '/api/v1/dispatches', b), t.call('POST', '/api/v1/dispatches', { ...b, hostOrgId: maqin.id })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('leaves what a PATCH omits untouched', async () => {
    const d = await dispatch({ termStart: '1990-07-01', termEnd: '1992-12-31', team: null, batch: '第一批', note: '原备注' });
    const res = await t.call('PATCH', `/api/v1/dispatches/${d.id}`, { note: '新备注' });
    expect(res.body).toMatchObject({ termEnd: '1992-12-31', batch: '第一批', status: 'on_post', note: '新备注', post: '挂职副市长' });
  });

  it('counts a term only up to the actual end once the person returned early', async () => {
    const first = await dispatch({ termStart: '2000-07-01' });
    await t.call('PATCH', `/api/v1/dispatches/${first.id}`, { status: 'returned_early', actualEnd: '2001-03-31' });
    const next = await t.call('POST', '/api/v1/dispatches', { ...body({ termStart: '2001-09-01', category: 'other', termEnd: '2002-08-31' }), person: undefined, personId: first.personId });
    expect(next.status).toBe(201);
  });

  it('refuses to delete a person who still has dispatches', async () => {
    const d = await dispatch({ termStart: '1995-07-01' });
    expect((await t.call('DELETE', `/api/v1/persons/${d.personId}`)).status).toBe(409);
    expect((await t.call('DELETE', `/api/v1/dispatches/${d.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/v1/persons/${d.personId}`)).status).toBe(204);
  });
});

describe('轮换 (replacement)', () => {
  it('accepts an earlier dispatch to the same host, and refuses a later one or another host', async () => {
    const old = await dispatch({ termStart: '2013-07-01' });
    const successor = await dispatch({ termStart: '2016-07-01', replacesId: old.id });
    expect(successor).toMatchObject({ replacesId: old.id });
    const later = await t.call('POST', '/api/v1/dispatches', body({ termStart: '2012-07-01', replacesId: successor.id }));
    expect(later.status).toBe(400);
    expect(paths(later)).toEqual(['replacesId']);
    const elsewhere = await t.call('POST', '/api/v1/dispatches', body({ termStart: '2016-07-01', hostOrgId: maqin.id, replacesId: old.id }));
    expect(paths(elsewhere)).toEqual(['replacesId']);
    const self = await t.call('PATCH', `/api/v1/dispatches/${old.id}`, { replacesId: old.id });
    expect(paths(self)).toEqual(['replacesId']);
  });
});

describe('lists', () => {
  it('filters by category, programme, batch, status, county and year on post', async () => {
    const person = await t.call('POST', '/api/v1/persons', { name: '筛选教师', sex: 'female', originOrgId: minhang.id, phone: '13800000000' });
    expect(person.status).toBe(201);
    const d = await t.call('POST', '/api/v1/dispatches', { personId: person.body.id, category: 'teacher', team: 'education', programme: 'qing', batch: '第五批', hostOrgId: maqin.id, termStart: '2024-03-01' });
    expect(d.status).toBe(201);
    const ids = async (q: string) => ((await t.call('GET', `/api/v1/dispatches?pageSize=200&${q}`)).body.items as { id: number }[]).map((x) => x.id);
    expect(await ids('category=teacher&programme=qing&batch=第五批&status=on_post&county=632621&year=2024')).toEqual([d.body.id]);
    expect(await ids('county=632621&year=2025')).toContain(d.body.id);
    expect(await ids('county=632621&year=2026')).not.toContain(d.body.id);
    expect(await ids('county=533401&category=teacher&programme=qing')).toEqual([]);
    const detail = await t.call('GET', `/api/v1/persons/${person.body.id}`);
    expect(detail.body).toMatchObject({ name: '筛选教师', phone: '13800000000', dispatches: [{ id: d.body.id, countyName: '玛沁县' }] });
  });
});
