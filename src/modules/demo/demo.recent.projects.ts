import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { ProjectCategory, ProjectLevel, ProjectStatus } from '../projects/projects.contract.ts';
import { createProject } from '../projects/projects.service.ts';
import { transitionProject } from '../projects/projects.transitions.ts';
import { addTransaction, cosign } from '../funds/funds.service.ts';
import { addAsset, addProgress } from '../monitoring/monitoring.service.ts';
import type { DemoCalendar } from './demo.calendar.ts';
import { countyGov, districtGov } from './demo.data.ts';

/**
 * The previous and the current year's assistance projects of the demo pairings, with their money
 * flows: 下达 (with its document), 拨付 co-signed by the county leader and the Shanghai cadre (so it
 * is effective), 支出; a few started, completed and handed their assets. Names, places and amounts
 * are plausible, not reported (the bulletins' projects are the 2020 ones of demo.projects.ts): all
 * flagged is_demo. Disbursements are co-signed only in 香格里拉市, where the demo has signers of
 * both sides; elsewhere the money is allocated.
 */
interface RecentProject {
  /** 'prev' or 'cur': the project's start year. */
  when: 'prev' | 'cur';
  east: string;
  west: string;
  name: string;
  region: string;
  level: ProjectLevel;
  category: ProjectCategory;
  wan: number;
  content: string;
  benefits: string;
  /** Households, people, of them registered-poor households and people. */
  people: [number, number, number, number];
  upTo: ProjectStatus;
  allocateWan: number;
  disburseWan?: number;
  spendWan?: number;
  asset?: { name: string; kind: 'operating' | 'public_welfare' | 'household'; receiver: string };
}

const MH = districtGov('闵行区');
const XGL = countyGov('香格里拉市');

const PROJECTS: RecentProject[] = [
  // The previous year: 香格里拉市 (3), 隆阳区, and one each of 长宁区 and 嘉定区.
  {
    when: 'prev', east: MH, west: XGL, name: '小中甸镇联合村五味子种植基地建设项目', region: '533401102201', level: 'district', category: 'industry', wan: 280,
    content: '新建五味子标准化种植基地及滴灌设施，配套育苗大棚', benefits: '带动农户订单种植，户均增收4000元', people: [86, 352, 41, 168],
    upTo: 'completed', allocateWan: 280, disburseWan: 280, spendWan: 280, asset: { name: '五味子种植基地及滴灌设施', kind: 'operating', receiver: '联合村股份经济合作社' },
  },
  {
    when: 'prev', east: MH, west: XGL, name: '虎跳峡镇农村安全饮水巩固提升项目', region: '533401103', level: 'city', category: 'drinking_water', wan: 180,
    content: '新建蓄水池3座，改造入户管网12公里', benefits: '巩固提升1680人饮水安全', people: [420, 1680, 130, 515],
    upTo: 'completed', allocateWan: 180, disburseWan: 180, spendWan: 172, asset: { name: '蓄水池及入户管网', kind: 'public_welfare', receiver: '虎跳峡镇人民政府' },
  },
  {
    when: 'prev', east: MH, west: XGL, name: '金江镇兴隆村乡村旅游配套设施项目', region: '533401104202', level: 'district', category: 'rural_tourism', wan: 350,
    content: '建设游客服务点、停车场及民宿改造', benefits: '带动乡村旅游接待，增加村集体经济收入', people: [96, 410, 35, 150],
    upTo: 'in_progress', allocateWan: 350, disburseWan: 200, spendWan: 150,
  },
  {
    when: 'prev', east: MH, west: countyGov('隆阳区'), name: '隆阳区高原特色蔬菜产业园建设项目', region: '530502', level: 'city', category: 'industry', wan: 300,
    content: '建设蔬菜分拣冷链中心及标准化大棚', benefits: '带动蔬菜订单种植和务工就业', people: [210, 860, 66, 270], upTo: 'approved', allocateWan: 300,
  },
  {
    when: 'prev', east: districtGov('长宁区'), west: countyGov('红河县'), name: '红河县梯田红米产业提升项目', region: '532529', level: 'city', category: 'industry', wan: 500,
    content: '建设红米加工厂及仓储设施', benefits: '带动梯田红米订单种植', people: [380, 1520, 120, 470], upTo: 'approved', allocateWan: 500,
  },
  {
    when: 'prev', east: districtGov('嘉定区'), west: countyGov('楚雄市'), name: '楚雄市乡村振兴示范村建设项目', region: '532301', level: 'city', category: 'living_environment', wan: 400,
    content: '村内道路、污水处理及公共空间提升', benefits: '改善示范村人居环境', people: [260, 1040, 70, 280], upTo: 'approved', allocateWan: 400,
  },
  // The current year: 香格里拉市 (4), 隆阳区, and one each of 长宁区 and 嘉定区.
  {
    when: 'cur', east: MH, west: XGL, name: '小中甸镇五味子初加工车间建设项目', region: '533401102', level: 'district', category: 'industry', wan: 420,
    content: '新建五味子烘干、分拣初加工车间及冷库', benefits: '就地加工提升附加值，吸纳脱贫人口务工', people: [120, 486, 52, 210],
    upTo: 'in_progress', allocateWan: 420, disburseWan: 300, spendWan: 220,
  },
  {
    when: 'cur', east: MH, west: XGL, name: '东旺乡人居环境整治提升项目', region: '533401206', level: 'city', category: 'living_environment', wan: 260,
    content: '村庄道路硬化、污水收集及垃圾集中处理', benefits: '改善185户村民人居环境', people: [185, 790, 60, 245],
    upTo: 'completed', allocateWan: 260, disburseWan: 260, spendWan: 250, asset: { name: '村庄道路及污水收集设施', kind: 'public_welfare', receiver: '东旺乡人民政府' },
  },
  {
    when: 'cur', east: MH, west: XGL, name: '上江乡高原特色蔬菜基地提升项目', region: '533401201', level: 'city', category: 'industry', wan: 300,
    content: '改造蔬菜大棚及配套灌溉设施', benefits: '带动农户订单种植，稳定增收', people: [140, 600, 48, 196],
    upTo: 'completed', allocateWan: 300, disburseWan: 300, spendWan: 300, asset: { name: '蔬菜大棚及灌溉设施', kind: 'operating', receiver: '上江乡农民专业合作社联合社' },
  },
  {
    when: 'cur', east: MH, west: XGL, name: '五境乡村卫生室标准化建设项目', region: '533401207', level: 'city', category: 'health', wan: 150,
    content: '新建、改造村卫生室6所并配备基本设备', benefits: '改善全乡2300人就医条件', people: [560, 2300, 150, 640],
    upTo: 'in_progress', allocateWan: 150, disburseWan: 90, spendWan: 40,
  },
  {
    when: 'cur', east: MH, west: countyGov('隆阳区'), name: '隆阳区咖啡产业提质增效项目', region: '530502', level: 'city', category: 'industry', wan: 400,
    content: '咖啡初加工厂及精品咖啡种植示范基地', benefits: '带动咖啡种植户增收', people: [260, 1050, 80, 330], upTo: 'approved', allocateWan: 400,
  },
  {
    when: 'cur', east: districtGov('长宁区'), west: countyGov('红河县'), name: '红河县哈尼梯田乡村旅游项目', region: '532529', level: 'city', category: 'rural_tourism', wan: 600,
    content: '梯田观景步道、游客中心及民宿提升', benefits: '带动乡村旅游就业', people: [420, 1700, 130, 520], upTo: 'approved', allocateWan: 600,
  },
  {
    when: 'cur', east: districtGov('嘉定区'), west: countyGov('楚雄市'), name: '楚雄市彝绣就业帮扶车间项目', region: '532301', level: 'city', category: 'employment', wan: 450,
    content: '建设彝绣帮扶车间及技能培训室', benefits: '吸纳妇女就近就业', people: [300, 1200, 90, 360], upTo: 'approved', allocateWan: 450,
  },
];

const STEPS: ProjectStatus[] = ['submitted', 'reviewed', 'approved', 'in_progress', 'completed'];
const wan = (n: number) => Math.round(n * 1_000_000); // 万元 → fen

/** The days of a project's life in its year: each step, the money, the progress report, the handover. */
function datesOf(cal: DemoCalendar, when: 'prev' | 'cur', i: number) {
  if (when === 'prev') {
    const d = (m: number, day: number) => cal.past(m, Math.min(28, day + i));
    return { steps: [d(1, 8), d(2, 10), d(3, 6), d(4, 12), d(10, 20)], allocate: d(3, 16), disburse: d(5, 10), spend: d(8, 18), progress: d(9, 26), handover: d(11, 18) };
  }
  const c = (f: number) => cal.cur(f + i * 0.005);
  return { steps: [c(0.01), c(0.04), c(0.08), c(0.2), c(0.8)], allocate: c(0.1), disburse: c(0.3), spend: c(0.55), progress: c(0.85), handover: c(0.9) };
}

export async function loadRecentProjects(
  db: Db,
  ctx: { system: RequestContext; east: RequestContext; west: RequestContext },
  cal: DemoCalendar,
  org: (name: string) => number,
  pairing: (east: string, west: string) => number,
) {
  let n = 0;
  for (const [i, p] of PROJECTS.entries()) {
    const year = p.when === 'prev' ? cal.prev : cal.year;
    const dates = datesOf(cal, p.when, i);
    // A project of this year is completed only once the year is far enough on; until then it is under way.
    const upTo: ProjectStatus = p.upTo === 'completed' && p.when === 'cur' && cal.elapsed < 120 ? 'in_progress' : p.upTo;
    const total = wan(p.wan);
    const created = await createProject(
      db,
      ctx.system,
      {
        name: p.name, startYear: year, endYear: year, level: p.level, category: p.category, regionCode: p.region, pairingId: pairing(p.east, p.west), eastOrgId: org(p.east), ownerName: p.west,
        funds: { shanghaiFen: total, integratedFen: 0, socialFen: 0, selfFen: 0 }, content: p.content, benefitMechanism: '资产收益分红、订单收购与务工带动（演示数据）', expectedBenefits: p.benefits,
        beneficiaries: { households: p.people[0], people: p.people[1], poorHouseholds: p.people[2], poorPeople: p.people[3] },
        budgetItems: [{ item: '工程建设', amountFen: Math.round(total * 0.85) }, { item: '设备与其他', amountFen: total - Math.round(total * 0.85) }],
        outputs: [],
        milestones: [{ name: '完成前期审批', dueOn: `${year}-03-31`, doneOn: dates.steps[2] }, { name: '主体工程完工', dueOn: `${year}-11-30`, doneOn: upTo === 'completed' ? dates.steps[4] : null }],
        attachments: [],
      },
      { isDemo: true },
    );
    const docNo = `${p.west.replace('人民政府', '')}沪协发〔${year}〕${10 + i}号`;
    for (const [k, to] of STEPS.slice(0, STEPS.indexOf(upTo) + 1).entries()) {
      await transitionProject(db, ctx.system, created.id, { to, onDate: dates.steps[k], ...(to === 'approved' ? { documentNo: docNo, approvedFen: total } : {}) });
    }
    await addTransaction(db, ctx.system, created.id, { kind: 'allocate', amountFen: wan(p.allocateWan), onDate: dates.allocate, documentNo: `${p.east.replace(/^上海市|人民政府$/g, '')}财发〔${year}〕${20 + i}号` });
    if (p.disburseWan) {
      const d = await addTransaction(db, ctx.system, created.id, { kind: 'disburse', amountFen: wan(p.disburseWan), onDate: dates.disburse });
      await cosign(db, ctx.west, d.id);
      await cosign(db, ctx.east, d.id);
    }
    const spend = p.spendWan && upTo !== p.upTo ? Math.min(p.spendWan, (p.disburseWan ?? 0) * 0.6) : p.spendWan;
    if (spend) await addTransaction(db, ctx.system, created.id, { kind: 'spend', amountFen: wan(spend), onDate: dates.spend });
    if (upTo === 'in_progress') await addProgress(db, ctx.system, created.id, { onDate: dates.progress, percent: p.when === 'prev' ? 70 : 40, narrative: '主体工程施工中，倒排工期推进（演示数据）' });
    if (upTo === 'completed' && p.asset) {
      await addAsset(db, ctx.system, created.id, { name: p.asset.name, kind: p.asset.kind, valueFen: total, receiverName: p.asset.receiver, handedOverOn: dates.handover });
    }
    n++;
  }
  return n;
}
