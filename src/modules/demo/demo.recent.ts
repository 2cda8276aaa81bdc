import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createAgreement } from '../pairings/pairings.service.ts';
import { createActivity } from '../activities/activities.service.ts';
import type { ActivityInput } from '../activities/activities.contract.ts';
import { createDonation } from '../donations/donations.service.ts';
import type { DonationInput } from '../donations/donations.contract.ts';
import { createTraining } from '../training/training.service.ts';
import type { TrainingInput } from '../training/training.contract.ts';
import { createDispatch, defaultTermEnd } from '../personnel/personnel.dispatches.ts';
import type { DispatchCategory } from '../personnel/personnel.contract.ts';
import { createRecord as createLaborRecord } from '../labor/labor.service.ts';
import { FAIRS, PLACEMENTS, RETENTION } from '../labor/labor.kinds.ts';
import type { Destination } from '../labor/labor.contract.ts';
import { createRecord as createIndustryRecord } from '../industry/industry.service.ts';
import { ENTERPRISES, FARMING, PARKS } from '../industry/industry.kinds.ts';
import { createSaleIn } from '../sales/sales.service.ts';
import type { SaleInput } from '../sales/sales.contract.ts';
import type { Category } from '../products/products.contract.ts';
import { demoCalendar, type DemoCalendar } from './demo.calendar.ts';
import { loadRecentProjects } from './demo.recent.projects.ts';
import { countyGov, DEMO_ORGS, DEMO_PAIRINGS, districtGov } from './demo.data.ts';

/**
 * The demo's records of the previous and the current year (years and dates computed at load time,
 * none after today), so the assessment dashboards — which open on the current year and compare it
 * with the one before (同比) — have figures to show: for every district–county pairing an annual
 * agreement and a 联席会议 each year; for 闵行区 — 香格里拉市 (and a little for 隆阳区, 长宁区 — 红河县,
 * 嘉定区 — 楚雄市) visits led by the principal leaders, projects with their money, dispatched cadres and
 * professionals, trainings, donations, labor placements, industry and sales, the previous year
 * somewhat lower. Loaded through the services like every demo record, so every rule applies. The
 * figures are of the bulletins' order of magnitude but invented: all flagged is_demo, each note
 * saying so. Leaders are named by their office only (区委书记, 区长 …), never by a person's name.
 */
const NOTE = '演示数据（近两年演示记录，金额、人数、日期等为演示假设值）';

const MH = districtGov('闵行区');
const XGL = countyGov('香格里拉市');
const XGL_CODE = '533401';
const short = (name: string) => name.replace(/^上海市/, '').replace(/人民政府$/, '');
const wan = (n: number) => Math.round(n * 1_000_000); // 万元 → fen

interface Ctx {
  db: Db;
  ctx: RequestContext;
  cal: DemoCalendar;
  org: (name: string) => number;
  pairing: (east: string, west: string) => number;
}

export interface RecentOutcome {
  year: number;
  agreements: number;
  activities: number;
  projects: number;
  dispatches: number;
  trainings: number;
  donations: number;
  labor: number;
  industry: number;
  sales: number;
}

export async function loadDemoRecent(
  db: Db,
  ctx: { system: RequestContext; east: RequestContext; west: RequestContext },
  orgIds: Map<string, number>,
  pairingIds: Map<string, number>,
  now: Date = new Date(),
): Promise<RecentOutcome> {
  const org = (name: string) => orgIds.get(name) ?? fail(`演示数据缺少组织「${name}」`);
  const pairing = (east: string, west: string) => pairingIds.get(`${east}|${west}`) ?? fail(`演示数据缺少结对「${east} — ${west}」`);
  const c: Ctx = { db, ctx: ctx.system, cal: demoCalendar(now), org, pairing };
  const { agreements, activities, xgl } = await loadMeetings(c);
  const projects = await loadRecentProjects(db, ctx, c.cal, org, pairing);
  const donations = await loadDonations(c);
  return {
    year: c.cal.year,
    agreements,
    activities: activities + (await loadVisits(c, xgl, donations.ceremony)),
    projects,
    dispatches: await loadDispatches(c),
    trainings: await loadTrainings(c),
    donations: donations.count,
    labor: await loadLabor(c),
    industry: await loadIndustry(c),
    sales: await loadSales(c),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

// ---- agreements and 联席会议: every district–county pairing, both years ----

async function loadMeetings(c: Ctx) {
  const { cal } = c;
  let agreements = 0;
  let activities = 0;
  const main = DEMO_PAIRINGS.filter((p) => p.type === 'east_west' || p.type === 'counterpart');
  const ids = { prev: 0, cur: 0 };
  for (const [i, p] of main.entries()) {
    const pairingId = c.pairing(p.east, p.west);
    const programme = p.type === 'east_west' ? '东西部协作' : '对口支援';
    const isXgl = p.east === MH && p.west === XGL;
    for (const when of ['prev', 'cur'] as const) {
      const year = when === 'prev' ? cal.prev : cal.year;
      // Pledges grow a little from one year to the next.
      const pledgedWan = (isXgl ? 6800 : 2000 + (i % 6) * 400) * (when === 'prev' ? 1 : 1.1);
      // Signed at the year's 联席会议 (闵行区 — 香格里拉市's is held during the visit of loadVisits).
      const day = isXgl ? cal.plus(xglVisitStart(cal, when), 1) : when === 'prev' ? cal.past(4 + (i % 6), 8 + (i % 18)) : cal.cur(0.15 + (i % 8) * 0.08);
      const a = await createAgreement(c.db, c.ctx, pairingId, {
        year, title: `${year}年${short(p.east)}—${short(p.west)}${programme}协议`, signedOn: day, pledgedFen: wan(pledgedWan), documentNo: null, note: NOTE,
      });
      agreements++;
      if (isXgl) {
        ids[when] = a.id;
        continue;
      }
      await activity(c, {
        type: 'meeting', title: `${year}年${short(p.east)}—${short(p.west)}${programme}联席会议`, startDate: day, endDate: day,
        regionCodes: [regionOfCounty(p.west)], leadOrgId: c.org(p.east), orgIds: [c.org(p.west)], pairingId,
        // The previous year's meetings were chaired by a deputy, this year's by the head of the district.
        leader: `${short(p.east)}${when === 'prev' ? '副区长' : '区长'}`, delegationSize: 8,
        narrative: `双方召开${programme}联席会议，总结上年协作成效，研究部署${year}年协作任务，签订年度协议。`, links: [{ kind: 'agreement', id: a.id }],
      });
      activities++;
    }
  }
  // The 携手奔小康 pairings of 闵行区's towns signed annual agreements of their own this year.
  for (const p of DEMO_PAIRINGS.filter((x) => x.type === 'xieshou')) {
    await createAgreement(c.db, c.ctx, c.pairing(p.east, p.west), {
      year: cal.year, title: `${cal.year}年${short(p.east)}—${short(p.west)}携手奔小康结对协议`, signedOn: cal.cur(0.1), pledgedFen: wan(60), documentNo: null, note: NOTE,
    });
    agreements++;
  }
  // The 闵行区 — 香格里拉市 agreements, for the 联席会议 and the signing of loadVisits to link.
  return { agreements, activities, xgl: ids };
}

/** A county government's division code, from the demo's organisations. */
const regionOfCounty = (westOrg: string): string => DEMO_ORGS.find((o) => o.name === westOrg)?.region ?? fail(`演示数据缺少县「${westOrg}」的区划`);

async function activity(c: Ctx, a: Omit<ActivityInput, 'photos' | 'links' | 'orgIds' | 'regionCodes'> & Partial<Pick<ActivityInput, 'links' | 'orgIds' | 'regionCodes'>>) {
  return createActivity(c.db, c.ctx, { regionCodes: [], orgIds: [], links: [], photos: [], ...a, narrative: `${a.narrative ?? ''}（${NOTE}）` }, { isDemo: true });
}

// ---- 闵行区 — 香格里拉市: visits, the joint meeting and the signing ----

/** The first day of 闵行区's yearly visit to 香格里拉市; the 联席会议 and the signing are the day after. */
const xglVisitStart = (cal: DemoCalendar, when: 'prev' | 'cur') => (when === 'cur' ? cal.cur(0.2) : cal.past(4, 16));

async function loadVisits(c: Ctx, agreementOf: { prev: number; cur: number }, ceremony: { cur: number[] }) {
  const { cal } = c;
  const district = c.pairing(MH, XGL);
  const mh = c.org(MH);
  const xgl = c.org(XGL);
  let n = 0;
  for (const when of ['prev', 'cur'] as const) {
    const year = when === 'prev' ? cal.prev : cal.year;
    const cur = when === 'cur';
    const start = xglVisitStart(cal, when);
    const meetingDay = cal.plus(start, 1);
    const agreement = agreementOf[when];
    await activity(c, {
      type: 'visit', title: `闵行区党政代表团赴香格里拉市考察${year}年东西部协作工作`, startDate: start, endDate: cal.plus(start, 3),
      regionCodes: [XGL_CODE, '533401102201', '533401104'], leadOrgId: mh, orgIds: [xgl], pairingId: district, leader: '闵行区委书记', delegationSize: 12,
      narrative: '闵行区委书记带队赴香格里拉市，实地察看小中甸镇联合村、金江镇的沪滇协作项目，走访慰问脱贫户。',
    });
    await activity(c, {
      type: 'meeting', title: `${year}年闵行区—香格里拉市东西部协作联席会议`, startDate: meetingDay, endDate: meetingDay,
      regionCodes: [XGL_CODE], leadOrgId: mh, orgIds: [xgl], pairingId: district, leader: '闵行区委书记', delegationSize: 12,
      narrative: `闵行区委书记、香格里拉市委书记出席联席会议，总结上年协作成效，部署${year}年产业合作、劳务协作、消费帮扶等重点任务。`,
      links: [{ kind: 'agreement', id: agreement }],
    });
    await activity(c, {
      type: 'signing', title: `闵行区—香格里拉市签订${year}年东西部协作协议`, startDate: meetingDay, endDate: meetingDay,
      regionCodes: [XGL_CODE], leadOrgId: mh, orgIds: [xgl], pairingId: district, leader: cur ? '闵行区区长' : '闵行区副区长',
      narrative: `联席会议上双方签订${year}年东西部协作协议。`, links: [{ kind: 'agreement', id: agreement }],
    });
    const back = cur ? cal.cur(0.55) : cal.past(9, 9);
    await activity(c, {
      type: 'visit', title: `香格里拉市党政代表团赴闵行区学习考察`, startDate: back, endDate: cal.plus(back, 3),
      regionCodes: ['310112'], leadOrgId: xgl, orgIds: [mh], pairingId: district, leader: cur ? '香格里拉市委书记' : '香格里拉市副市长', delegationSize: 10,
      narrative: '代表团考察闵行区的产业园区和乡村振兴示范村，对接劳务协作和消费帮扶。',
    });
    n += 4;
    // 携手奔小康: a town of 闵行区 visits its paired township (led by the town's own leaders, not counted as 党政主要领导).
    const [town, township, code] = cur ? ['梅陇镇', '东旺乡人民政府', '533401206'] : ['七宝镇', '虎跳峡镇人民政府', '533401103'];
    const townDay = cur ? cal.cur(0.45) : cal.past(8, 25);
    await activity(c, {
      type: 'visit', title: `${town}考察团赴${short(township)}开展携手奔小康结对帮扶`, startDate: townDay, endDate: cal.plus(townDay, 3),
      regionCodes: [code], leadOrgId: c.org(town), orgIds: [c.org(township)], pairingId: c.pairing(town, township), leader: `${town}党委书记`, delegationSize: 7,
      narrative: '召开结对共建座谈会，实地察看援建项目，举行捐赠仪式。',
    });
    n++;
    if (cur && ceremony.cur.length) {
      const day = cal.cur(0.6);
      await activity(c, {
        type: 'donation_ceremony', title: `闵行区社会各界向香格里拉市捐赠仪式`, startDate: day, endDate: day, regionCodes: [XGL_CODE], leadOrgId: mh, orgIds: [xgl], pairingId: district,
        narrative: '闵行区慈善、卫生健康和工会系统向香格里拉市捐赠资金和物资。', links: ceremony.cur.map((id) => ({ kind: 'donation' as const, id })),
      });
      n++;
    }
  }
  // This year 闵行区 also sent its head to 隆阳区, and held a mid-year progress meeting with 香格里拉市.
  const bs = cal.cur(0.35);
  await activity(c, {
    type: 'visit', title: '闵行区区长带队赴隆阳区考察对接东西部协作', startDate: bs, endDate: cal.plus(bs, 2), regionCodes: ['530502'], leadOrgId: mh, orgIds: [c.org(countyGov('隆阳区'))],
    pairingId: c.pairing(MH, countyGov('隆阳区')), leader: '闵行区区长', delegationSize: 9, narrative: '考察咖啡、蔬菜产业项目，对接劳务协作。',
  });
  const mid = cal.cur(0.7);
  await activity(c, {
    type: 'meeting', title: '闵行区—香格里拉市东西部协作工作推进座谈会', startDate: mid, endDate: mid, regionCodes: [XGL_CODE], leadOrgId: mh, orgIds: [xgl], pairingId: district,
    leader: '闵行区副区长', delegationSize: 6, narrative: '对照年度协议逐项检查进度，倒排工期推进项目建设和资金支出。',
  });
  return n + 2;
}

// ---- donations ----

async function loadDonations(c: Ctx) {
  const { cal } = c;
  const district = c.pairing(MH, XGL);
  const union = c.pairing('闵行区总工会', '香格里拉市总工会');
  const rows: (Omit<DonationInput, 'items'> & { items?: DonationInput['items']; when: 'prev' | 'cur'; ceremony?: boolean })[] = [
    { when: 'prev', donorOrgId: c.org('闵行区总工会'), recipientOrgId: c.org('香格里拉市总工会'), kind: 'cash', valueFen: wan(30), purpose: '香格里拉市困难职工帮扶', donatedOn: cal.past(6, 12), pairingId: union },
    { when: 'prev', donorOrgId: c.org('七宝镇'), recipientRegion: '533401103', kind: 'cash', valueFen: wan(20), purpose: '虎跳峡镇村级活动场所建设', donatedOn: cal.past(8, 27), pairingId: c.pairing('七宝镇', '虎跳峡镇人民政府') },
    {
      when: 'prev', donorOrgId: c.org('闵行区教育局'), recipientRegion: XGL_CODE, kind: 'goods', purpose: '香格里拉市中小学冬衣和学习用品', donatedOn: cal.past(11, 6), pairingId: district,
      items: [{ item: '学生冬衣', quantity: 1500, unit: '套', valueFen: wan(9) }, { item: '学习用品', quantity: 1500, unit: '份', valueFen: wan(3) }],
    },
    { when: 'cur', donorOrgId: c.org('闵行区总工会'), recipientOrgId: c.org('香格里拉市总工会'), kind: 'cash', valueFen: wan(35), purpose: '香格里拉市困难职工帮扶和职工疗休养', donatedOn: cal.cur(0.6), pairingId: union, ceremony: true },
    { when: 'cur', donorName: '闵行区慈善基金会', recipientRegion: XGL_CODE, kind: 'cash', valueFen: wan(50), purpose: '香格里拉市帮困助学', donatedOn: cal.cur(0.6), pairingId: district, ceremony: true },
    { when: 'cur', donorOrgId: c.org('梅陇镇'), recipientRegion: '533401206', kind: 'cash', valueFen: wan(20), purpose: '东旺乡村集体经济发展', donatedOn: cal.cur(0.45), pairingId: c.pairing('梅陇镇', '东旺乡人民政府') },
    {
      when: 'cur', donorName: '闵行区卫生健康系统', recipientRegion: '533401206', kind: 'goods', purpose: '东旺乡卫生院医疗设备', donatedOn: cal.cur(0.6), pairingId: district, ceremony: true,
      items: [{ item: '便携式彩色B超机', quantity: 2, unit: '台', valueFen: wan(16) }, { item: '全自动生化分析仪', quantity: 1, unit: '台', valueFen: wan(22) }],
    },
  ];
  // This year's gifts were handed over at one ceremony (an activity linking them).
  const ceremony = { cur: [] as number[] };
  for (const { when, ceremony: atCeremony, items, ...d } of rows) {
    const created = await createDonation(c.db, c.ctx, { ...d, items: items ?? [], purpose: `${d.purpose}（${NOTE}）` }, { isDemo: true });
    if (atCeremony && when === 'cur') ceremony.cur.push(created.id);
  }
  return { count: rows.length, ceremony };
}

// ---- dispatched cadres and professionals ----

async function loadDispatches(c: Ctx) {
  const { cal } = c;
  const y2 = `${cal.year - 2}-07-01`;
  const y1 = `${cal.prev}-07-01`;
  type Row = { name: string; category: DispatchCategory; origin: string; host: string; post: string; start: string; team?: 'education' | 'medical'; batch?: string };
  const cadre = (name: string, origin: string, host: string, post: string, start: string): Row => ({ name, category: 'cadre', origin, host, post, start, batch: `${start.slice(0, 4)}年选派` });
  const rows: Row[] = [
    cadre('援滇干部01', '闵行区合作交流办', XGL, '挂职香格里拉市委常委、副市长（闵行区援滇干部联络组组长）', y2),
    cadre('援滇干部02', '闵行区司法局', XGL, '挂职香格里拉市乡村振兴局副局长', y2),
    cadre('援滇干部03', '七宝镇', countyGov('隆阳区'), '挂职隆阳区人民政府副区长', y1),
    cadre('援滇干部04', '梅陇镇', countyGov('施甸县'), '挂职施甸县人民政府副县长', cal.cur(0.3)),
    cadre('长宁援滇干部01', districtGov('长宁区'), countyGov('红河县'), '挂职红河县委常委、副县长', y2),
    cadre('嘉定援滇干部01', districtGov('嘉定区'), countyGov('楚雄市'), '挂职楚雄市委常委、副市长', y1),
  ];
  // 组团式 teams in 香格里拉市: doctors and teachers on one-year terms; the current year's outnumber the last.
  const team = (prefix: string, category: 'doctor' | 'teacher', from: number, to: number, start: string) => {
    for (let i = from; i <= to; i++) {
      rows.push({
        name: `${prefix}${String(i).padStart(2, '0')}`, category, team: category === 'doctor' ? 'medical' : 'education', origin: category === 'doctor' ? MH : '闵行区教育局', host: XGL,
        post: category === 'doctor' ? '香格里拉市人民医院（组团式医疗帮扶）' : '香格里拉市第一中学（组团式教育帮扶）', start, batch: `${start.slice(0, 4)}年组团式`,
      });
    }
  };
  team('援滇医生', 'doctor', 1, 2, cal.past(4, 1));
  team('援滇教师', 'teacher', 1, 3, cal.past(9, 1));
  team('援滇医生', 'doctor', 3, 5, cal.cur(0.25));
  team('援滇教师', 'teacher', 4, 7, cal.cur(0.65));
  for (const r of rows) {
    const end = defaultTermEnd(r.category, r.start)!;
    await createDispatch(c.db, c.ctx, {
      person: { name: r.name, originOrgId: c.org(r.origin), note: r.category === 'doctor' ? `闵行区卫生健康系统选派。${NOTE}` : NOTE },
      category: r.category, team: r.team ?? null, programme: 'dian', batch: r.batch, hostOrgId: c.org(r.host), post: r.post,
      termStart: r.start, status: end < cal.today ? 'rotated' : 'on_post', note: NOTE,
    }, { isDemo: true });
  }
  return rows.length;
}

// ---- trainings, in Shanghai and locally ----

async function loadTrainings(c: Ctx) {
  const { cal } = c;
  const district = c.pairing(MH, XGL);
  const office = c.org('闵行区合作交流办');
  type Row = Pick<TrainingInput, 'title' | 'kind' | 'placeRegion' | 'targetGroup' | 'batches' | 'participants' | 'personTimes'> & { start: string; days: number; organiser?: number; county?: string; pairingId?: number };
  const rows: Row[] = [
    { title: `${cal.prev}年香格里拉市党政干部赴沪培训班`, kind: 'training', placeRegion: '310112', targetGroup: 'officials', batches: 3, participants: 110, personTimes: 110, start: cal.past(10, 12), days: 6 },
    { title: '香格里拉市医务人员赴闵行跟岗学习', kind: 'shadowing', placeRegion: '310112', targetGroup: 'doctors', batches: 1, participants: 15, personTimes: 15, start: cal.past(5, 8), days: 60 },
    { title: '香格里拉市农村致富带头人培训班', kind: 'training', placeRegion: XGL_CODE, targetGroup: 'rural_leaders', batches: 2, participants: 150, personTimes: 150, start: cal.past(6, 20), days: 4 },
    { title: `${cal.year}年香格里拉市党政干部赴沪培训班`, kind: 'training', placeRegion: '310112', targetGroup: 'officials', batches: 4, participants: 140, personTimes: 140, start: cal.cur(0.5), days: 6 },
    { title: '香格里拉市乡村振兴带头人赴沪培训班', kind: 'training', placeRegion: '310112', targetGroup: 'rural_leaders', batches: 1, participants: 45, personTimes: 45, start: cal.cur(0.3), days: 5 },
    { title: '香格里拉市教师赴闵行跟岗学习', kind: 'shadowing', placeRegion: '310112', targetGroup: 'teachers', batches: 1, participants: 20, personTimes: 20, start: cal.cur(0.65), days: 30 },
    { title: '香格里拉市劳动力转移就业技能培训（电工、家政）', kind: 'training', placeRegion: XGL_CODE, targetGroup: 'skilled_workers', batches: 3, participants: 210, personTimes: 240, start: cal.cur(0.4), days: 10 },
    { title: '闵行区专家赴香格里拉市开展医务人员业务培训', kind: 'training', placeRegion: XGL_CODE, targetGroup: 'doctors', batches: 1, participants: 85, personTimes: 85, start: cal.cur(0.75), days: 3 },
    // 长宁区 — 红河县, so the city's ranking has more than one district.
    { title: '红河县党政干部赴长宁区培训班', kind: 'training', placeRegion: '310105', targetGroup: 'officials', batches: 1, participants: 50, personTimes: 50, start: cal.past(9, 14), days: 5, organiser: c.org(districtGov('长宁区')), county: '532529', pairingId: c.pairing(districtGov('长宁区'), countyGov('红河县')) },
    { title: '红河县党政干部赴长宁区培训班', kind: 'training', placeRegion: '310105', targetGroup: 'officials', batches: 2, participants: 70, personTimes: 70, start: cal.cur(0.4), days: 5, organiser: c.org(districtGov('长宁区')), county: '532529', pairingId: c.pairing(districtGov('长宁区'), countyGov('红河县')) },
  ];
  for (const r of rows) {
    await createTraining(c.db, c.ctx, {
      title: r.title, kind: r.kind, organiserOrgId: r.organiser ?? office, placeRegion: r.placeRegion, startDate: r.start, endDate: cal.plus(r.start, r.days - 1),
      targetGroup: r.targetGroup, batches: r.batches, participants: r.participants, personTimes: r.personTimes, countyCode: r.county ?? XGL_CODE, pairingId: r.pairingId ?? district,
    }, { isDemo: true });
  }
  return rows.length;
}

// ---- labor placements by month and destination, retention, job fairs ----

async function loadLabor(c: Ctx) {
  const { cal } = c;
  const note = NOTE;
  /** [previous year's month or the current year's fraction, destination, registered-poor, monitored]. */
  type Row = [number, Destination, number, number];
  const PLACED: Record<string, { west: string; prev: Row[]; cur: Row[] }> = {
    [XGL_CODE]: {
      west: XGL,
      prev: [[3, 'shanghai', 18, 3], [3, 'local', 120, 10], [6, 'shanghai', 22, 4], [6, 'other_east', 14, 2], [6, 'local', 110, 12], [9, 'shanghai', 16, 2], [9, 'local', 95, 8], [12, 'other_east', 12, 1]],
      cur: [[0.1, 'shanghai', 20, 3], [0.1, 'local', 130, 12], [0.35, 'shanghai', 25, 4], [0.35, 'other_east', 16, 2], [0.35, 'local', 120, 11], [0.6, 'shanghai', 21, 3], [0.6, 'local', 105, 9], [0.85, 'other_east', 15, 2], [0.85, 'local', 60, 5]],
    },
    '530502': { west: countyGov('隆阳区'), prev: [[6, 'shanghai', 30, 4], [6, 'local', 200, 15]], cur: [[0.4, 'shanghai', 35, 5], [0.4, 'local', 230, 18]] },
  };
  let n = 0;
  for (const [county, p] of Object.entries(PLACED)) {
    const pairingId = c.pairing(MH, p.west);
    for (const when of ['prev', 'cur'] as const) {
      // One record per month and destination: rows of the current year falling in the same month (early in the year) are added up.
      const byKey = new Map<string, { month: number; destination: Destination; poor: number; monitored: number }>();
      for (const [at, destination, poor, monitored] of p[when]) {
        const month = when === 'prev' ? at : cal.month(cal.cur(at));
        const k = `${month}|${destination}`;
        const row = byKey.get(k) ?? { month, destination, poor: 0, monitored: 0 };
        row.poor += poor;
        row.monitored += monitored;
        byKey.set(k, row);
      }
      const year = when === 'prev' ? cal.prev : cal.year;
      for (const r of byKey.values()) {
        await createLaborRecord(c.db, c.ctx, PLACEMENTS, { countyCode: county, year, month: r.month, destination: r.destination, poorCount: r.poor, monitoredCount: r.monitored, pairingId, note }, { isDemo: true });
        n++;
      }
    }
  }
  const pairingId = c.pairing(MH, XGL);
  // The previous year's June cohort, followed up at the year's end; this year's, once six months have passed.
  await createLaborRecord(c.db, c.ctx, RETENTION, { countyCode: XGL_CODE, cohortYear: cal.prev, cohortMonth: 6, placed: 164, employedAfter6m: 141, followedUpOn: cal.past(12, 31), pairingId, note }, { isDemo: true });
  n++;
  const month = cal.month(cal.today);
  if (month > 6) {
    await createLaborRecord(c.db, c.ctx, RETENTION, { countyCode: XGL_CODE, cohortYear: cal.year, cohortMonth: month - 6, placed: 180, employedAfter6m: 158, followedUpOn: cal.today, pairingId, note }, { isDemo: true });
    n++;
  }
  const fairs = [
    { heldOn: cal.past(2, 20), employers: 28, jobsOffered: 1100, attendees: 780, placed: 196 },
    { heldOn: cal.cur(0.12), employers: 35, jobsOffered: 1350, attendees: 920, placed: 238 },
  ];
  for (const f of fairs) {
    await createLaborRecord(c.db, c.ctx, FAIRS, { ...f, title: '春风行动沪滇劳务协作专场招聘会', regionCode: '533401101', organiserOrgId: c.org('闵行区合作交流办'), pairingId, note }, { isDemo: true });
    n++;
  }
  return n;
}

// ---- industry: enterprises introduced, bases, contract farming ----

async function loadIndustry(c: Ctx) {
  const { cal } = c;
  const pairingId = c.pairing(MH, XGL);
  const make = async (spec: Parameters<typeof createIndustryRecord>[2], input: Record<string, unknown>) => {
    await createIndustryRecord(c.db, c.ctx, spec, { countyCode: XGL_CODE, pairingId, note: NOTE, ...input } as never, { isDemo: true });
  };
  const e = (name: string, industry: string, placeCode: string, signedWan: number, actualWan: number, signedOn: string, jobs: number, poorEmployed: number, monitoredEmployed: number, origin: Record<string, unknown>) =>
    make(ENTERPRISES, { name, industry, placeCode, signedFen: wan(signedWan), actualFen: wan(actualWan), signedOn, jobs, poorEmployed, monitoredEmployed, ...origin });
  const shanghai = (originName: string) => ({ originName, originRegion: '31' });
  // The previous year: 2 enterprises (1.05 亿元 signed, 140 jobs); the current one: 3 (2.5 亿元, 235 jobs).
  await e('上海某生物科技有限公司（香格里拉五味子精深加工）', 'biomedicine', '533401102', 6000, 2200, cal.past(5, 18), 80, 30, 3, shanghai('上海某生物科技有限公司'));
  await e('上海某文旅发展有限公司（虎跳峡镇精品民宿运营）', 'culture_tourism', '533401103', 4500, 1500, cal.past(9, 22), 60, 22, 2, shanghai('上海某文旅发展有限公司'));
  await e('上海某农业发展有限公司（香格里拉高原蔬菜冷链物流）', 'trade_logistics', '533401201', 8000, 3000, cal.cur(0.3), 120, 46, 5, { originOrgId: c.org('闵行区合作交流办') });
  await e('上海某食品有限公司（牦牛肉制品加工）', 'agri_processing', '533401104', 5000, 1800, cal.cur(0.5), 75, 28, 3, shanghai('上海某食品有限公司'));
  await e('上海某新能源科技有限公司（东旺乡农光互补项目）', 'new_energy', '533401206', 12000, 4000, cal.cur(0.75), 40, 15, 1, shanghai('上海某新能源科技有限公司'));
  await make(PARKS, { name: '虎跳峡镇特色水果种植基地', kind: 'planting_base', placeCode: '533401103', areaMu: 600, establishedOn: cal.past(4, 1), enterprises: 1, jobs: 60 });
  await make(PARKS, { name: '金江镇中药材种植基地', kind: 'planting_base', placeCode: '533401104', areaMu: 800, establishedOn: cal.cur(0.45), enterprises: 2, jobs: 90 });
  // No new 帮扶车间 here: the 2020 workshop of demo.industry.ts still runs, so the workshops stock shows in both years.
  // (src/modules/indicators/indicators.routes.test.ts closes every workshop on 2024-06-15, which a workshop opened later would refuse.)
  await make(FARMING, { product: '五味子', buyerName: '上海某生物科技有限公司', placeCode: '533401102201', acreageMu: 650, households: 140, contractFen: wan(520), signedOn: cal.past(3, 20) });
  await make(FARMING, { product: '五味子', buyerName: '上海某生物科技有限公司', placeCode: '533401102', acreageMu: 1000, households: 210, contractFen: wan(800), signedOn: cal.cur(0.15) });
  return 9;
}

// ---- sales of the county's products credited to 闵行区's units ----

async function loadSales(c: Ctx) {
  const { cal, db } = c;
  const products = new Map((await db.selectFrom('products').select(['id', 'name', 'supplier_id', 'category', 'certified_on']).where('is_demo', '=', true).execute()).map((p) => [p.name, p]));
  const suppliers = new Map((await db.selectFrom('suppliers').select(['id', 'name']).where('is_demo', '=', true).execute()).map((s) => [s.name, s.id]));
  type Row = { when: 'prev' | 'cur'; at: string | number; product?: string; supplier?: string; category?: Category; channel: SaleInput['channel']; buyerType: SaleInput['buyerType']; credited: string; wan: number; households: number };
  const rows: Row[] = [
    { when: 'prev', at: '04-15', product: '牦牛肉干', channel: 'union', buyerType: 'union', credited: '闵行区总工会', wan: 55, households: 40 },
    { when: 'prev', at: '06-18', product: '香格里拉羊肚菌（干品）', channel: 'counter', buyerType: 'individual', credited: '七宝镇', wan: 42, households: 30 },
    { when: 'prev', at: '09-09', product: '玛咖片', channel: 'p832', buyerType: 'budget_unit', credited: MH, wan: 38, households: 25 },
    { when: 'prev', at: '11-20', supplier: '圣域天香牦牛产业开发有限公司', category: 'meat_egg', channel: 'canteen', buyerType: 'budget_unit', credited: MH, wan: 50, households: 36 },
    { when: 'prev', at: '12-12', product: '高原黑松露', channel: 'ecommerce', buyerType: 'individual', credited: '梅陇镇', wan: 35, households: 22 },
    { when: 'cur', at: 0.1, product: '牦牛肉干', channel: 'union', buyerType: 'union', credited: '闵行区总工会', wan: 80, households: 52 },
    { when: 'cur', at: 0.3, product: '香格里拉羊肚菌（干品）', channel: 'counter', buyerType: 'individual', credited: '七宝镇', wan: 60, households: 41 },
    { when: 'cur', at: 0.5, product: '玛咖片', channel: 'p832', buyerType: 'budget_unit', credited: MH, wan: 50, households: 30 },
    { when: 'cur', at: 0.7, supplier: '圣域天香牦牛产业开发有限公司', category: 'meat_egg', channel: 'canteen', buyerType: 'budget_unit', credited: MH, wan: 50, households: 35 },
    { when: 'cur', at: 0.9, product: '高原黑松露', channel: 'livestream', buyerType: 'individual', credited: '梅陇镇', wan: 62, households: 38 },
    { when: 'cur', at: 0.95, product: '香格里拉羊肚菌（干品）', channel: 'exhibition_center', buyerType: 'individual', credited: MH, wan: 48, households: 33 },
  ];
  for (const r of rows) {
    const p = r.product ? (products.get(r.product) ?? fail(`演示数据缺少产品「${r.product}」`)) : null;
    let soldOn = r.when === 'prev' ? `${cal.prev}-${r.at}` : cal.cur(r.at as number);
    // This year's sales of a product fall after its certification (the share of certified products stays high).
    if (p?.certified_on && r.when === 'cur' && soldOn < p.certified_on) soldOn = cal.plus(p.certified_on, Math.floor((r.at as number) * Math.max(0, daysBetween(p.certified_on, cal.today))));
    // Before a product was registered and certified, the sale is of its category, by its supplier.
    const asProduct = p && p.certified_on && soldOn >= p.certified_on;
    const input: SaleInput = {
      soldOn, channel: r.channel, buyerType: r.buyerType, creditedOrgId: c.org(r.credited), amountFen: wan(r.wan), households: r.households, note: NOTE,
      ...(asProduct ? { productId: p.id } : { supplierId: p ? p.supplier_id : (suppliers.get(r.supplier!) ?? fail(`演示数据缺少供应主体「${r.supplier}」`)), category: (p?.category ?? r.category) as Category }),
    };
    await db.transaction().execute((trx) => createSaleIn(trx, c.ctx, input, { isDemo: true }));
  }
  return rows.length;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
