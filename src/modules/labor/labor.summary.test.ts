import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { makeOrg, makePairing } from '../../testing/factories.ts';

const t = useTestApp();
let jiuzhiRecord: number;
let pairedRecord: number;
let districtUser: Caller;
let countyClerk: Caller;

const post = async (path: string, b: Record<string, unknown>) => {
  const res = await t.call('POST', `/api/v1/labor/${path}`, b);
  if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body.id as number;
};
const place = (countyCode: string, year: number, month: number, destination: string, poorCount: number, monitoredCount: number, pairingId?: number) =>
  post('placements', { countyCode, year, month, destination, poorCount, monitoredCount, pairingId });

/**
 * 2023, 久治县 632625: placements to Shanghai 30+20 poor / 5+3 monitored, other eastern places 7/0, local 100/12
 * (Dec 2022 not counted); two fairs (65 employers, 800 jobs, 420 attended — one fair did not count —, 146 placed);
 * cohorts of Jan and Feb: 85 of 100 still employed; one workstation open (another closed in 2022, a third opened in 2024).
 * 玛多县 632626: 10 poor / 1 monitored to Shanghai (through 闵行's pairing); a cohort with 5 of 10 still employed.
 */
beforeAll(async () => {
  const minhang = await makeOrg(t, { name: '闵行区（劳务范围测试）', regionCode: '310112' });
  const maduo = await makeOrg(t, { name: '玛多县人民政府', side: 'west', regionCode: '632626' });
  const pairing = await makePairing(t, { type: 'counterpart', eastOrgId: minhang.id, westOrgId: maduo.id });
  jiuzhiRecord = await place('632625', 2023, 1, 'shanghai', 30, 5);
  await place('632625', 2023, 2, 'shanghai', 20, 3);
  await place('632625', 2023, 3, 'other_east', 7, 0);
  await place('632625', 2023, 1, 'local', 100, 12);
  await place('632625', 2022, 12, 'shanghai', 99, 9);
  pairedRecord = await place('632626', 2023, 1, 'shanghai', 10, 1, pairing.id);
  await post('job-fairs', { heldOn: '2023-03-15', regionCode: '632625200', organiserName: '久治县人社局', employers: 25, jobsOffered: 300, attendees: 420, placed: 86 });
  await post('job-fairs', { heldOn: '2023-06-01', regionCode: '310112', countyCode: '632625', organiserOrgId: minhang.id, employers: 40, jobsOffered: 500, placed: 60 });
  await post('job-fairs', { heldOn: '2022-11-01', regionCode: '632625', organiserName: '久治县人社局', employers: 9, jobsOffered: 9, placed: 9 });
  await post('retention', { countyCode: '632625', cohortYear: 2023, cohortMonth: 1, placed: 80, employedAfter6m: 72 });
  await post('retention', { countyCode: '632625', cohortYear: 2023, cohortMonth: 2, placed: 20, employedAfter6m: 13 });
  await post('retention', { countyCode: '632625', cohortYear: 2022, cohortMonth: 12, placed: 50, employedAfter6m: 1 });
  await post('retention', { countyCode: '632626', cohortYear: 2023, cohortMonth: 1, placed: 10, employedAfter6m: 5, pairingId: pairing.id });
  const station = (name: string, openedOn: string, closedOn?: string) => post('workstations', { name, regionCode: '310112', countyCode: '632625', operatorName: '久治县人社局', openedOn, closedOn });
  await station('久治县驻沪劳务工作站', '2021-05-01');
  await station('久治县驻沪劳务工作站（旧）', '2019-05-01', '2022-12-31');
  await station('久治县驻沪劳务工作站（新）', '2024-02-01');
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: minhang.id, scopes: [{ orgId: minhang.id }] })).caller;
  countyClerk = (await t.userWith({ roles: ['recipient_clerk'], scopes: [{ regionCode: '632625' }] })).caller;
});

const none = { poor: 0, monitored: 0 };

describe('labor totals per county and year', () => {
  it('adds up placements by destination, fairs, retention and workstations from the records (hand-computed)', async () => {
    const res = await t.call('GET', '/api/v1/labor/summary?county=6326&year=2023');
    expect(res.status).toBe(200);
    const [jiuzhi, maduo] = res.body.counties;
    expect(jiuzhi).toEqual({
      countyCode: '632625',
      countyName: '久治县',
      placements: { byDestination: { shanghai: { poor: 50, monitored: 8 }, other_east: { poor: 7, monitored: 0 }, local: { poor: 100, monitored: 12 } }, total: { poor: 157, monitored: 20 } },
      fairs: { count: 2, employers: 65, jobsOffered: 800, attendees: 420, placed: 146 },
      retention: { cohorts: 2, placed: 100, employedAfter6m: 85, rate: 0.85 },
      workstations: 1,
    });
    expect(maduo).toMatchObject({ countyCode: '632626', placements: { total: { poor: 10, monitored: 1 } }, retention: { placed: 10, employedAfter6m: 5, rate: 0.5 }, workstations: 0 });
    expect(res.body.total).toEqual({
      placements: { byDestination: { shanghai: { poor: 60, monitored: 9 }, other_east: { poor: 7, monitored: 0 }, local: { poor: 100, monitored: 12 } }, total: { poor: 167, monitored: 21 } },
      fairs: { count: 2, employers: 65, jobsOffered: 800, attendees: 420, placed: 146 },
      retention: { cohorts: 3, placed: 110, employedAfter6m: 90, rate: 0.8182 },
      workstations: 1,
    });
  });

  it('has zeros and no rate for a year without records', async () => {
    const res = await t.call('GET', '/api/v1/labor/summary?county=632625&year=2021');
    expect(res.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['632625']); // the workstation opened in 2021
    expect(res.body.total).toMatchObject({ placements: { total: none }, retention: { placed: 0, rate: null }, workstations: 2 });
  });
});

describe('scope', () => {
  it('a district sees the county it is paired with through the pairing, not another county', async () => {
    const list = await t.call('GET', '/api/v1/labor/placements?pageSize=200', undefined, districtUser);
    expect((list.body.items as { id: number }[]).map((x) => x.id)).toEqual([pairedRecord]);
    expect((await t.call('GET', `/api/v1/labor/placements/${jiuzhiRecord}`, undefined, districtUser)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/labor/placements/${jiuzhiRecord}`, { note: 'x' }, districtUser)).status).toBe(404);
    expect((await t.call('DELETE', `/api/v1/labor/placements/${jiuzhiRecord}`, undefined, districtUser)).status).toBe(404);
    const summary = await t.call('GET', '/api/v1/labor/summary?county=6326&year=2023', undefined, districtUser);
    // 玛多 through the pairing; of 久治 only the fair in Shanghai the district organised itself
    expect(summary.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['632625', '632626']);
    expect(summary.body.total).toMatchObject({ placements: { total: { poor: 10, monitored: 1 } }, fairs: { count: 1, placed: 60 }, retention: { placed: 10 } });
  });

  it('a county clerk records its own county and is refused another (403)', async () => {
    const mine = await t.call('POST', '/api/v1/labor/placements', { countyCode: '632625', year: 2024, month: 1, destination: 'local', poorCount: 3, monitoredCount: 0 }, countyClerk);
    expect(mine.status).toBe(201);
    const other = await t.call('POST', '/api/v1/labor/placements', { countyCode: '632626', year: 2024, month: 1, destination: 'local', poorCount: 3, monitoredCount: 0 }, countyClerk);
    expect(other.status).toBe(403);
    const moved = await t.call('PATCH', `/api/v1/labor/placements/${mine.body.id}`, { countyCode: '632626' }, countyClerk);
    expect(moved.status).toBe(403);
    const summary = await t.call('GET', '/api/v1/labor/summary?year=2023', undefined, countyClerk);
    expect(summary.body.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['632625']);
  });
});
