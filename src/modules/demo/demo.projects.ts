import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { ProjectCategory, ProjectLevel, ProjectStatus } from '../projects/projects.contract.ts';
import { createProject } from '../projects/projects.service.ts';
import { transitionProject } from '../projects/projects.transitions.ts';
import { addTransaction, cosign } from '../funds/funds.service.ts';
import { addAsset, addProgress } from '../monitoring/monitoring.service.ts';

/**
 * Projects named in the 香格里拉 2020 bulletins (联合村乡村旅游, 安南村牦牛养殖, 金江镇安全饮水灌溉,
 * 东旺乡卫生院住院楼 …); places and descriptions from the bulletins, amounts and dates plausible, marked demo.
 */
interface DemoProject {
  name: string;
  region: string;
  level: ProjectLevel;
  category: ProjectCategory;
  wan: number;
  content: string;
  benefits: string;
  people?: [number, number, number, number];
  upTo: ProjectStatus;
  allocateWan?: number;
  disburseWan?: number;
  spendWan?: number;
}

const PROJECTS: DemoProject[] = [
  { name: '小中甸镇联合村乡村旅游项目', region: '533401102201', level: 'city', category: 'rural_tourism', wan: 600, content: '建设游客接待中心、观景步道及配套设施，引入专业酒店运营团队', benefits: '受益村民57户306人，带动建档立卡户26户107人长效增收', people: [57, 306, 26, 107], upTo: 'in_progress', allocateWan: 600, disburseWan: 300, spendWan: 180 },
  { name: '三坝乡安南村牦牛养殖产业项目', region: '533401202202', level: 'district', category: 'industry', wan: 120, content: '新建标准化牦牛养殖圈舍及饲草料基地', benefits: '带动农户订单养殖，户均增收3000元', people: [48, 210, 20, 86], upTo: 'approved', allocateWan: 60 },
  { name: '金江镇安全饮水灌溉项目', region: '533401104', level: 'city', category: 'drinking_water', wan: 350, content: '建设取水口、输水管网及蓄水池，解决饮水与灌溉', benefits: '解决1200人安全饮水和800亩灌溉', people: [310, 1200, 95, 360], upTo: 'reviewed' },
  { name: '东旺乡卫生院住院楼建设项目', region: '533401206', level: 'city', category: 'health', wan: 480, content: '新建卫生院住院楼1栋及附属设施', benefits: '新增床位30张，改善全乡就医条件', upTo: 'submitted' },
  { name: '尼西乡乡村旅游基础设施建设项目', region: '533401204', level: 'district', category: 'rural_tourism', wan: 200, content: '建设旅游道路、停车场及公共厕所', benefits: '带动乡村旅游接待，增加村集体收入', upTo: 'in_progress', allocateWan: 200, disburseWan: 100 },
  { name: '建塘镇尼史村人居环境提升建设项目', region: '533401101204', level: 'district', category: 'living_environment', wan: 150, content: '村内道路硬化、污水收集和垃圾集中处理', benefits: '改善132户村民人居环境', people: [132, 560, 41, 170], upTo: 'in_progress', allocateWan: 150, disburseWan: 150, spendWan: 150 },
  { name: '上江乡良美村安全饮水建设项目', region: '533401201202', level: 'xieshou', category: 'drinking_water', wan: 80, content: '新建蓄水池2座、铺设管网6公里', benefits: '解决良美村安全饮水问题', upTo: 'completed', allocateWan: 80, disburseWan: 80, spendWan: 80 },
];

const STEPS: ProjectStatus[] = ['submitted', 'reviewed', 'approved', 'in_progress', 'completed'];
const wan = (n: number) => Math.round(n * 1_000_000); // 万元 → fen

export async function loadDemoProjects(db: Db, ctx: { system: RequestContext; east: RequestContext; west: RequestContext }, eastOrgId: number) {
  for (const [i, p] of PROJECTS.entries()) {
    const total = wan(p.wan);
    const created = await createProject(
      db,
      ctx.system,
      {
        name: p.name, startYear: 2020, endYear: 2020, level: p.level, category: p.category, regionCode: p.region, eastOrgId, ownerName: '香格里拉市人民政府',
        funds: { shanghaiFen: total, integratedFen: 0, socialFen: 0, selfFen: 0 }, content: p.content, benefitMechanism: '项目资产收益分配与务工带动', expectedBenefits: p.benefits,
        beneficiaries: p.people ? { households: p.people[0], people: p.people[1], poorHouseholds: p.people[2], poorPeople: p.people[3] } : {},
        budgetItems: [{ item: '工程建设', amountFen: Math.round(total * 0.85) }, { item: '设备与其他', amountFen: total - Math.round(total * 0.85) }],
        outputs: [], milestones: [{ name: '完成前期审批', dueOn: '2020-05-31' }, { name: '主体工程完工', dueOn: '2020-11-30' }], attachments: [],
      },
      { isDemo: true },
    );
    for (const [k, to] of STEPS.slice(0, STEPS.indexOf(p.upTo) + 1).entries()) {
      const extra = to === 'approved' ? { documentNo: `香扶组发〔2020〕${10 + i}号`, approvedFen: total } : {};
      await transitionProject(db, ctx.system, created.id, { to, onDate: `2020-0${3 + k}-1${i}`, ...extra });
    }
    if (p.allocateWan) await addTransaction(db, ctx.system, created.id, { kind: 'allocate', amountFen: wan(p.allocateWan), onDate: '2020-06-15', documentNo: '闵财发〔2020〕21号' });
    if (p.disburseWan) {
      const d = await addTransaction(db, ctx.system, created.id, { kind: 'disburse', amountFen: wan(p.disburseWan), onDate: '2020-07-01' });
      await cosign(db, ctx.west, d.id);
      await cosign(db, ctx.east, d.id);
    }
    if (p.spendWan) await addTransaction(db, ctx.system, created.id, { kind: 'spend', amountFen: wan(p.spendWan), onDate: '2020-08-20' });
    if (p.upTo === 'in_progress') await addProgress(db, ctx.system, created.id, { onDate: '2020-08-31', percent: 45, narrative: '主体工程施工中，倒排工期推进' });
    if (p.upTo === 'completed') {
      await addAsset(db, ctx.system, created.id, { name: '蓄水池及管网', kind: 'public_welfare', valueFen: total, receiverName: '良美村村民委员会', handedOverOn: '2020-12-20' });
    }
  }
  return PROJECTS.length;
}
