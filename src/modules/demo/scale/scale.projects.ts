import type { CopyRow } from '../../../platform/db/copy.ts';
import { PROJECT_CATEGORIES, type ProjectCategory, type ProjectStatus } from '../../projects/projects.contract.ts';
import { AS_OF, SCALE_YEARS } from './scale.plan.ts';
import { type GenContext, type Generated, type Place, short, WORK_MONTHS, YEAR_GROWTH } from './scale.context.ts';
import { dayIn, minDay, plusDays, Rng, split, weighted } from './scale.random.ts';

/** What the fund and lifecycle rows need of a project, kept in memory (a few numbers per project). */
export interface ProjectFacts {
  id: number;
  place: Place;
  year: number;
  status: ProjectStatus;
  shanghaiFen: number;
  approvedOn: string | null;
}

const LIFECYCLE: ProjectStatus[] = ['reserve', 'submitted', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted', 'handed_over'];
/** Where a project of a given age (years before AS_OF) stands: old ones handed over, this year's still starting. */
const STATUS_BY_AGE: [ProjectStatus, number][][] = [
  [['in_progress', 50], ['approved', 30], ['reviewed', 10], ['submitted', 5], ['reserve', 5]],
  [['in_progress', 60], ['completed', 30], ['approved', 8], ['suspended', 2]],
  [['in_progress', 25], ['completed', 30], ['accepted', 40], ['suspended', 3], ['cancelled', 2]],
  [['handed_over', 60], ['accepted', 25], ['completed', 10], ['cancelled', 3], ['suspended', 2]],
];
const CATEGORY_KEYS = Object.keys(PROJECT_CATEGORIES) as ProjectCategory[];
const CATEGORY = weighted([40, 20, 8, 6, 8, 7, 5, 4, 2]);
const LEVELS = ['district', 'city', 'xieshou', 'village_enterprise', 'social'] as const;
const LEVEL = weighted([70, 10, 10, 5, 5]);
const WORK: Record<ProjectCategory, string[]> = {
  industry: ['高原特色农业产业园', '食用菌种植基地', '中药材种植示范基地', '蔬菜保供基地', '茶叶初制所提升改造', '冷链物流中心'],
  infrastructure: ['产业路硬化', '村组道路提升', '农田水利配套', '便民桥梁'],
  rural_tourism: ['乡村旅游示范村', '民宿集群', '景区配套设施'],
  drinking_water: ['安全饮水巩固提升', '集中供水工程'],
  living_environment: ['人居环境整治', '美丽村庄建设', '污水处理设施'],
  education: ['学校教学楼改扩建', '幼儿园建设', '教育信息化'],
  health: ['乡镇卫生院能力提升', '村卫生室标准化建设', '远程医疗'],
  employment: ['就业帮扶车间', '劳动力技能培训', '公益性岗位开发'],
  other: ['乡村振兴示范点', '基层党建阵地'],
};

function statusOf(rng: Rng, year: number): ProjectStatus {
  const age = Math.min(3, SCALE_YEARS[SCALE_YEARS.length - 1] - year);
  const table = STATUS_BY_AGE[age];
  let x = rng.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [status, w] of table) if ((x -= w) < 0) return status;
  return table[0][0];
}

const funded = (s: ProjectStatus) => !['reserve', 'submitted', 'reviewed', 'cancelled'].includes(s);

/** Projects: few large and many small (log-normal, median ¥200,000), busier each year, the status their age gives. */
export function projectRows(g: GenContext, facts: ProjectFacts[]): Generated {
  const columns = ['id', 'code', 'name', 'start_year', 'end_year', 'level', 'category', 'status', 'pairing_id', 'region_code', 'county_code', 'owner_name', 'owner_org_id', 'east_org_id',
    'fund_shanghai_fen', 'fund_integrated_fen', 'fund_social_fen', 'fund_self_fen', 'approved_fen', 'approval_doc_no', 'content', 'households', 'people', 'poor_households', 'poor_people', 'is_demo', 'owning_org_id'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'projects');
    const seq = new Map<string, number>();
    for (let id = 1; id <= g.sizes.projects; id++) {
      const place = g.pickPlace(rng);
      const year = SCALE_YEARS[YEAR_GROWTH(rng)];
      const category = CATEGORY_KEYS[CATEGORY(rng)];
      const status = statusOf(rng, year);
      const shanghai = Math.min(200_000_000_00, Math.round(rng.lognormal(200_000, 1.3)) * 100);
      const n = (seq.get(`${year}${place.code}`) ?? 0) + 1;
      seq.set(`${year}${place.code}`, n);
      const township = place.townships.length && rng.chance(0.7) ? rng.pick(place.townships) : place.code;
      const people = rng.int(50, 3000);
      const households = Math.ceil(people / rng.int(3, 5));
      const approvedOn = funded(status) ? dayIn(rng, year, WORK_MONTHS) : null;
      facts.push({ id, place, year, status, shanghaiFen: shanghai, approvedOn });
      yield [id, `SH${year}-${place.code}-${String(n).padStart(4, '0')}`, `${short(place.name)}${year}年${rng.pick(WORK[category])}项目`, year, year + (rng.chance(0.2) ? 1 : 0),
        LEVELS[LEVEL(rng)], category, status, place.pairingId, township, place.code, `${place.name}人民政府`, place.orgId, place.districtOrgId,
        shanghai, rng.chance(0.3) ? Math.round(shanghai * rng.next()) : 0, rng.chance(0.1) ? Math.round(shanghai * 0.2 * rng.next()) : 0, rng.chance(0.2) ? Math.round(shanghai * 0.1 * rng.next()) : 0,
        approvedOn ? shanghai : null, approvedOn ? `${short(place.name)}发改〔${year}〕${rng.int(1, 300)}号` : null, '演示数据（规模测试生成）',
        households, people, Math.floor(households * 0.3 * rng.next()), Math.floor(people * 0.3 * rng.next()), true, place.districtOrgId];
    }
  }
  return { target: { table: 'projects', columns }, count: g.sizes.projects, rows };
}

/** Each project's steps up to where it stands, dated through its year. */
export function transitionRows(g: GenContext, facts: ProjectFacts[]): Generated {
  const columns = ['project_id', 'from_status', 'to_status', 'actor_name', 'at', 'on_date', 'document_no', 'approved_fen'];
  const stepsOf = (status: ProjectStatus): [ProjectStatus, ProjectStatus][] => {
    const end = status === 'suspended' ? 'in_progress' : status === 'cancelled' ? 'reviewed' : status;
    const path = LIFECYCLE.slice(0, LIFECYCLE.indexOf(end) + 1);
    const steps = path.slice(1).map((to, i) => [path[i], to] as [ProjectStatus, ProjectStatus]);
    if (status === 'suspended' || status === 'cancelled') steps.push([end, status]);
    return steps;
  };
  const count = facts.reduce((n, f) => n + stepsOf(f.status).length, 0);
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'transitions');
    for (const f of facts) {
      let day = `${f.year}-01-${String(rng.int(2, 28)).padStart(2, '0')}`;
      for (const [from, to] of stepsOf(f.status)) {
        day = to === 'approved' && f.approvedOn ? f.approvedOn : minDay(plusDays(day, rng.int(5, 60)), AS_OF);
        yield [f.id, from, to, 'demo', `${day}T10:00:00+08:00`, day, to === 'approved' ? `批复〔${f.year}〕${f.id}号` : null, to === 'approved' ? f.shanghaiFen : null];
      }
    }
  }
  return { target: { table: 'project_transitions', columns }, count, rows };
}

/** Two or three milestones per project: the later ones of unfinished projects not yet done. */
export function milestoneRows(g: GenContext, facts: ProjectFacts[]): Generated {
  const columns = ['project_id', 'name', 'due_on', 'done_on'];
  const NAMES = ['开工', '主体完工', '竣工验收'];
  const finished = new Set<ProjectStatus>(['completed', 'accepted', 'handed_over']);
  const count = facts.filter((f) => f.approvedOn).length * 3;
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'milestones');
    for (const f of facts) {
      if (!f.approvedOn) continue;
      let due = f.approvedOn;
      for (let i = 0; i < 3; i++) {
        due = plusDays(due, rng.int(30, 150));
        const done = finished.has(f.status) || (i === 0 && f.status !== 'approved') ? minDay(plusDays(due, rng.int(-20, 40)), AS_OF) : null;
        yield [f.id, NAMES[i], due, done];
      }
    }
  }
  return { target: { table: 'project_milestones', columns }, count, rows };
}

/**
 * Fund transactions: each funded project's allocation, then disbursements and spending in parts (more
 * parts for larger projects) up to how far it has come; `fundTransactions` rows in all.
 */
export function fundRows(g: GenContext, facts: ProjectFacts[]): Generated {
  const columns = ['project_id', 'county_code', 'kind', 'amount_fen', 'on_date', 'document_no', 'status'];
  const withMoney = facts.filter((f) => f.approvedOn);
  const parts = new Uint16Array(withMoney.length).fill(3);
  const extraRng = new Rng(g.seed, 'fund-parts');
  const bySize = weighted(withMoney.map((f) => Math.sqrt(f.shanghaiFen)));
  for (let extra = g.sizes.fundTransactions - 3 * withMoney.length; extra > 0; extra--) {
    const i = bySize(extraRng);
    if (parts[i] < 60) parts[i]++;
    else extra++; // this project has parts enough: another takes it
  }
  const count = parts.reduce((a, b) => a + b, 0);
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'funds');
    for (let k = 0; k < withMoney.length; k++) {
      const f = withMoney[k];
      const reached = f.status === 'approved' ? 0.3 : f.status === 'in_progress' || f.status === 'suspended' ? 0.5 + 0.4 * rng.next() : 1;
      const disbursed = Math.max(1, Math.round(f.shanghaiFen * reached));
      const spent = Math.max(1, Math.round(disbursed * (f.status === 'approved' ? 0.2 : reached === 1 ? 1 : 0.7)));
      const nDisburse = Math.max(1, Math.floor((parts[k] - 1) / 2));
      const nSpend = parts[k] - 1 - nDisburse;
      const doc = (n: number) => `${short(f.place.name)}财〔${f.year}〕${n}号`;
      let day = f.approvedOn!;
      yield [f.id, f.place.code, 'allocate', f.shanghaiFen, day, doc(rng.int(1, 500)), 'effective'];
      for (const amount of split(rng, disbursed, nDisburse)) {
        day = minDay(plusDays(day, rng.int(3, 40)), AS_OF);
        yield [f.id, f.place.code, 'disburse', amount, day, doc(rng.int(1, 500)), 'effective'];
      }
      for (const amount of split(rng, spent, nSpend)) {
        day = minDay(plusDays(day, rng.int(1, 30)), AS_OF);
        yield [f.id, f.place.code, 'spend', amount, day, null, 'effective'];
      }
    }
  }
  return { target: { table: 'fund_transactions', columns }, count, rows };
}
