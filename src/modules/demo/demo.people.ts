import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createDispatch } from '../personnel/personnel.dispatches.ts';
import { createRecord } from '../labor/labor.service.ts';
import { FAIRS, PLACEMENTS, RETENTION, WORKSTATIONS } from '../labor/labor.kinds.ts';
import type { Destination } from '../labor/labor.contract.ts';
import { countyGov, districtGov } from './demo.data.ts';

/**
 * 援派 and 劳务协作 demo records. People and posts from the bulletins: 杨建富 (闵行区司法局援滇干部,
 * 香格里拉市委常委、副市长), 赵勇 (上海市援青干部联络组组长, 果洛州委副书记、副州长) and the 11 上海新一批援青
 * 教育人才 of 2024 in 果洛 (组团式教育; the bulletin gives no names, hence 援青教师01…11). Terms where the
 * bulletins give none, and every labor figure, are plausible, not reported: all flagged is_demo.
 */
const NOTE = '演示数据（依据公开工作简报整理）';

type Place = { county: string; east: string; west: string };
const COUNTIES: Place[] = [
  { county: '533401', east: districtGov('闵行区'), west: countyGov('香格里拉市') },
  { county: '632623', east: districtGov('长宁区'), west: countyGov('甘德县') },
  { county: '632625', east: districtGov('嘉定区'), west: countyGov('久治县') },
];

/** Placements per county: [year, month, destination, registered-poor, monitored]. */
const PLACED: Record<string, [number, number, Destination, number, number][]> = {
  '533401': [[2023, 6, 'shanghai', 42, 6], [2023, 6, 'local', 310, 27], [2023, 12, 'other_east', 18, 2], [2024, 6, 'shanghai', 51, 8], [2024, 6, 'local', 286, 31]],
  '632623': [[2023, 6, 'shanghai', 9, 1], [2023, 6, 'local', 120, 14], [2024, 6, 'local', 133, 12]],
  '632625': [[2023, 6, 'shanghai', 7, 0], [2023, 6, 'local', 98, 10], [2024, 6, 'local', 104, 9]],
};

/** The June 2023 cohort per county: [placed, still employed after 6 months]. */
const RETAINED: Record<string, [number, number]> = { '533401': [352, 301], '632623': [129, 108], '632625': [105, 92] };

const need = (ids: Map<string, number>, name: string) => {
  const id = ids.get(name);
  if (!id) throw new Error(`演示数据缺少组织「${name}」`);
  return id;
};

export async function loadDemoPeople(db: Db, ctx: RequestContext, orgIds: Map<string, number>) {
  const opts = { isDemo: true };
  const pairingOf = async (p: Place) =>
    (await db.selectFrom('pairings').select('id').where('east_org_id', '=', need(orgIds, p.east)).where('west_org_id', '=', need(orgIds, p.west)).executeTakeFirst())?.id ?? null;
  let dispatches = 0;
  let labor = 0;

  await createDispatch(db, ctx, {
    person: { name: '杨建富', originOrgId: need(orgIds, '闵行区司法局') },
    category: 'cadre', programme: 'dian', hostOrgId: need(orgIds, countyGov('香格里拉市')), post: '挂职香格里拉市委常委、副市长',
    termStart: '2019-07-01', status: 'rotated', note: NOTE,
  }, opts);
  await createDispatch(db, ctx, {
    person: { name: '赵勇', originUnit: '上海市援青干部人才选派单位' },
    category: 'cadre', programme: 'qing', batch: '第五批', hostRegion: '6326', post: '果洛州委副书记、副州长（上海市援青干部联络组组长）',
    termStart: '2022-07-01', status: 'on_post', note: NOTE,
  }, opts);
  dispatches += 2;
  for (let i = 1; i <= 11; i++) {
    await createDispatch(db, ctx, {
      person: { name: `援青教师${String(i).padStart(2, '0')}`, originUnit: '上海市援青干部人才选派单位' },
      category: 'teacher', team: 'education', programme: 'qing', batch: '2024年新一批', hostRegion: '6326', post: '组团式教育帮扶',
      termStart: '2024-03-01', status: 'on_post', note: NOTE,
    }, opts);
    dispatches++;
  }

  for (const p of COUNTIES) {
    const pairingId = await pairingOf(p);
    for (const [year, month, destination, poorCount, monitoredCount] of PLACED[p.county]) {
      await createRecord(db, ctx, PLACEMENTS, { countyCode: p.county, year, month, destination, poorCount, monitoredCount, pairingId, note: NOTE }, opts);
      labor++;
    }
    const [placed, employedAfter6m] = RETAINED[p.county];
    await createRecord(db, ctx, RETENTION, { countyCode: p.county, cohortYear: 2023, cohortMonth: 6, placed, employedAfter6m, followedUpOn: '2023-12-31', pairingId, note: NOTE }, opts);
    labor++;
  }
  const xgl = COUNTIES[0];
  await createRecord(db, ctx, FAIRS, {
    heldOn: '2023-02-15', title: '沪滇劳务协作专场招聘会', regionCode: '533401101', organiserOrgId: need(orgIds, '闵行区合作交流办'),
    employers: 32, jobsOffered: 1200, attendees: 860, placed: 215, pairingId: await pairingOf(xgl), note: NOTE,
  }, opts);
  await createRecord(db, ctx, WORKSTATIONS, {
    name: '香格里拉市驻沪劳务工作站', regionCode: '310112', countyCode: xgl.county, operatingOrgId: need(orgIds, '闵行区合作交流办'),
    openedOn: '2021-06-01', pairingId: await pairingOf(xgl), note: NOTE,
  }, opts);
  labor += 2;
  return { dispatches, labor };
}
