import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { auditCount, makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();
let hrBureau: { id: number };
let maqinPairing: { id: number };
let otherPairing: { id: number };

const create = async (path: string, b: Record<string, unknown>) => {
  const res = await t.call('POST', `/api/v1/labor/${path}`, b);
  if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body as { id: number } & Record<string, unknown>;
};
const paths = (res: { body: { issues: { path: string }[] } }) => res.body.issues.map((i) => i.path);
const placement = (over: Record<string, unknown> = {}) => ({ countyCode: '632621', year: 2024, month: 3, destination: 'shanghai', poorCount: 12, monitoredCount: 2, ...over });
const fair = (over: Record<string, unknown> = {}) => ({ heldOn: '2024-03-15', regionCode: '632621100', organiserName: '玛沁县人社局', employers: 20, jobsOffered: 300, attendees: 400, placed: 50, ...over });

beforeAll(async () => {
  hrBureau = await makeOrg(t, { name: '闵行区人力资源和社会保障局', type: 'department', regionCode: '310112' });
  const maqin = await makeOrg(t, { name: '玛沁县人民政府', side: 'west', regionCode: '632621' });
  maqinPairing = await makePairing(t, { type: 'counterpart', eastOrgId: hrBureau.id, westOrgId: maqin.id });
  otherPairing = await makePairing(t, {});
});

describe('placements', () => {
  it('registers a month of placements with an audit row, and refuses a second one for the same county, month and destination', async () => {
    const before = await auditCount(t, 'labor_placement');
    const first = await create('placements', placement({ pairingId: maqinPairing.id }));
    expect(first).toMatchObject({ countyName: '玛沁县', poorCount: 12, monitoredCount: 2, pairingId: maqinPairing.id });
    expect(await auditCount(t, 'labor_placement')).toBe(before + 1);
    const dup = await t.call('POST', '/api/v1/labor/placements', placement({ poorCount: 1 }));
    expect(dup.status).toBe(409);
    expect(dup.body.details.existingId).toBe(first.id);
    const local = await create('placements', placement({ destination: 'local' }));
    const moved = await t.call('PATCH', `/api/v1/labor/placements/${local.id}`, { destination: 'shanghai' });
    expect(moved.status).toBe(409);
    expect(moved.body.details.existingId).toBe(first.id);
    expect((await t.call('PATCH', `/api/v1/labor/placements/${local.id}`, { poorCount: 40 })).body.poorCount).toBe(40);
  });

  it('lets only one of two concurrent identical placements through', async () => {
    const b = placement({ month: 9 });
    const results = await Promise.all([t.call('POST', '/api/v1/labor/placements', b), t.call('POST', '/api/v1/labor/placements', b)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses negative counts, bad months, unknown counties and a pairing elsewhere, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ poorCount: -1 }, 'poorCount'],
      [{ monitoredCount: -3 }, 'monitoredCount'],
      [{ poorCount: 1.5 }, 'poorCount'],
      [{ month: 13 }, 'month'],
      [{ countyCode: '6326' }, 'countyCode'],
      [{ countyCode: '999999' }, 'countyCode'],
      [{ countyCode: '310112' }, 'countyCode'],
      [{ month: 5, pairingId: otherPairing.id }, 'pairingId'],
    ];
    for (const [over, path] of cases) {
      const res = await t.call('POST', '/api/v1/labor/placements', placement(over));
      expect(res.status, path).toBe(400);
      expect(paths(res), path).toEqual([path]);
    }
    const first = await create('placements', placement({ month: 6 }));
    const neg = await t.call('PATCH', `/api/v1/labor/placements/${first.id}`, { monitoredCount: -1 });
    expect(paths(neg)).toEqual(['monitoredCount']);
  });
});

describe('job fairs', () => {
  it('takes the county from the place, and needs it for a fair in Shanghai', async () => {
    const here = await create('job-fairs', fair());
    expect(here).toMatchObject({ countyCode: '632621', regionName: '大武镇' });
    const shanghai = await t.call('POST', '/api/v1/labor/job-fairs', fair({ regionCode: '310112', organiserName: null, organiserOrgId: hrBureau.id }));
    expect(paths(shanghai)).toEqual(['countyCode']);
    const ok = await create('job-fairs', fair({ regionCode: '310112', organiserName: null, organiserOrgId: hrBureau.id, countyCode: '632621', attendees: null }));
    expect(ok).toMatchObject({ countyCode: '632621', organiserOrgName: '闵行区人力资源和社会保障局', attendees: null });
  });

  it('refuses more placed than attended, negative counts and a missing organiser, on create and on update', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ placed: 401 }, 'placed'],
      [{ employers: -1 }, 'employers'],
      [{ jobsOffered: -5 }, 'jobsOffered'],
      [{ attendees: -1 }, 'attendees'],
      [{ organiserName: null }, 'organiserOrgId'],
    ];
    for (const [over, path] of cases) {
      const res = await t.call('POST', '/api/v1/labor/job-fairs', fair(over));
      expect(res.status, path).toBe(400);
      expect(paths(res), path).toEqual([path]);
    }
    const f = await create('job-fairs', fair());
    expect(paths(await t.call('PATCH', `/api/v1/labor/job-fairs/${f.id}`, { attendees: 10 }))).toEqual(['placed']);
    expect((await t.call('DELETE', `/api/v1/labor/job-fairs/${f.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/labor/job-fairs/${f.id}`)).status).toBe(404);
  });
});

describe('workstations and retention', () => {
  it('keeps workstations in Shanghai with dates in order', async () => {
    const ws = { name: '玛沁县驻沪劳务工作站', regionCode: '310112', countyCode: '632621', operatingOrgId: hrBureau.id, openedOn: '2021-05-01' };
    expect(await create('workstations', ws)).toMatchObject({ regionName: '闵行区', countyName: '玛沁县', closedOn: null });
    expect(paths(await t.call('POST', '/api/v1/labor/workstations', { ...ws, regionCode: '632621' }))).toEqual(['regionCode']);
    expect(paths(await t.call('POST', '/api/v1/labor/workstations', { ...ws, closedOn: '2021-04-30' }))).toEqual(['closedOn']);
    expect(paths(await t.call('POST', '/api/v1/labor/workstations', { ...ws, operatingOrgId: null }))).toEqual(['operatingOrgId']);
  });

  it('keeps employed after 6 months within those placed, one follow-up per county and cohort', async () => {
    const r = await create('retention', { countyCode: '632621', cohortYear: 2024, cohortMonth: 1, placed: 40, employedAfter6m: 33, followedUpOn: '2024-07-31' });
    expect(r.rate).toBe(0.825);
    const over = await t.call('POST', '/api/v1/labor/retention', { countyCode: '632621', cohortYear: 2024, cohortMonth: 2, placed: 10, employedAfter6m: 11 });
    expect(paths(over)).toEqual(['employedAfter6m']);
    expect(paths(await t.call('POST', '/api/v1/labor/retention', { countyCode: '632621', cohortYear: 2024, cohortMonth: 2, placed: -1, employedAfter6m: 0 }))).toEqual(['placed']);
    const dup = await t.call('POST', '/api/v1/labor/retention', { countyCode: '632621', cohortYear: 2024, cohortMonth: 1, placed: 1, employedAfter6m: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.details.existingId).toBe(r.id);
    expect(paths(await t.call('PATCH', `/api/v1/labor/retention/${r.id}`, { placed: 30 }))).toEqual(['employedAfter6m']);
  });

  it('lists by county, year and month', async () => {
    const list = await t.call('GET', '/api/v1/labor/placements?county=632621&year=2024&month=3&destination=shanghai');
    expect(list.body.total).toBe(1);
    expect((await t.call('GET', '/api/v1/labor/job-fairs?county=632621&year=2023')).body.total).toBe(0);
    expect((await t.call('GET', '/api/v1/labor/workstations?county=6326&year=2020')).body.total).toBe(0);
    expect((await t.call('GET', '/api/v1/labor/workstations?county=6326&year=2024')).body.total).toBe(1);
  });
});
