import type { IndicatorArea } from './indicators.contract.ts';

/**
 * The indicators as data. A `sum` adds the named measures of the records dated in the period; a
 * `stock` counts what is in place at the period's end (援派干部 on post, 帮扶车间 running); a `ratio`
 * divides two indicators; `coverage` counts the paired units of the scope's places (结对覆盖).
 * Measures are emitted per record by the ind_facts_* SQL functions (migration 0017), one definition
 * used by the figures, their evidence and the summary cells kept in each change's transaction.
 */
export interface MeasureSpec {
  /** The record kind whose rows emit it (evidence links to them). */
  kind: RecordKind;
  /** What one record contributes, in words (shown with the evidence). */
  counts: string;
}

export const RECORD_KINDS = {
  fund_transaction: '资金流水',
  project: '帮扶项目',
  dispatch: '援派干部',
  training: '培训交流',
  labor_placement: '劳务协作转移就业',
  labor_retention: '稳岗跟踪',
  donation: '社会帮扶',
  sale: '消费帮扶销售',
  industry_enterprise: '引进企业',
  industry_park: '产业园区/基地',
  industry_workshop: '帮扶车间',
  industry_farming: '订单农业',
  activity: '工作动态',
  agreement: '协议',
  pairing: '结对关系',
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

export const MEASURES = {
  'fund.allocate': { kind: 'fund_transaction', counts: '下达金额（生效的下达流水）' },
  'fund.disburse': { kind: 'fund_transaction', counts: '拨付金额（已会签生效的拨付流水）' },
  'fund.spend': { kind: 'fund_transaction', counts: '支出金额（生效的支出流水）' },
  'project.count': { kind: 'project', counts: '纳入年度计划的项目（已批复及之后，撤销除外），按开始年度' },
  'project.started': { kind: 'project', counts: '已开工的项目（实施中、已完工、已验收、已移交）' },
  'project.completed': { kind: 'project', counts: '已完工的项目（已完工、已验收、已移交）' },
  'project.people': { kind: 'project', counts: '项目受益人口' },
  'project.poor_people': { kind: 'project', counts: '项目受益人口中的脱贫人口（含监测对象）' },
  'dispatch.cadre': { kind: 'dispatch', counts: '在岗的党政干部（任期内、未提前返回）' },
  'dispatch.professional': { kind: 'dispatch', counts: '在岗的专业技术人才（教师、医生、农技）' },
  'training.east.batches': { kind: 'training', counts: '在沪培训批次（受帮扶地确认后）' },
  'training.east.person_times': { kind: 'training', counts: '在沪培训人次' },
  'training.west.batches': { kind: 'training', counts: '在受帮扶地培训批次' },
  'training.west.person_times': { kind: 'training', counts: '在受帮扶地培训人次' },
  'labor.placed.shanghai': { kind: 'labor_placement', counts: '到上海就业的脱贫人口和监测对象' },
  'labor.placed.other_east': { kind: 'labor_placement', counts: '到其他东部省份就业的脱贫人口和监测对象' },
  'labor.placed.local': { kind: 'labor_placement', counts: '就近就地就业的脱贫人口和监测对象' },
  'labor.retention.placed': { kind: 'labor_retention', counts: '跟踪的转移就业人数（按转移月份）' },
  'labor.retention.employed': { kind: 'labor_retention', counts: '6 个月后仍在岗的人数' },
  'donation.cash': { kind: 'donation', counts: '捐赠资金（受赠方确认后计入受赠地）' },
  'donation.goods': { kind: 'donation', counts: '捐赠物资折价' },
  'sales.total': { kind: 'sale', counts: '销售额（重复记录除外，导入完成后计入；计入单位确认后计入该单位）' },
  'sales.certified': { kind: 'sale', counts: '其中认定产品的销售额' },
  'industry.enterprises': { kind: 'industry_enterprise', counts: '引进企业（按签约日期）' },
  'industry.signed_fen': { kind: 'industry_enterprise', counts: '签约投资额' },
  'industry.actual_fen': { kind: 'industry_enterprise', counts: '实际到位投资额' },
  'industry.jobs': { kind: 'industry_enterprise', counts: '创造就业岗位' },
  'industry.poor_employed': { kind: 'industry_enterprise', counts: '吸纳脱贫人口和监测对象就业' },
  'industry.parks': { kind: 'industry_park', counts: '共建产业园区、基地（按建立日期）' },
  'industry.park_area': { kind: 'industry_park', counts: '园区、基地面积（0.01 亩）' },
  'industry.workshops': { kind: 'industry_workshop', counts: '运营中的帮扶车间' },
  'industry.workshop_employees': { kind: 'industry_workshop', counts: '运营中的帮扶车间的就业人数' },
  'industry.farming_area': { kind: 'industry_farming', counts: '订单农业面积（0.01 亩，按签订日期）' },
  'activity.leader_visits': { kind: 'activity', counts: '党政主要领导带队的考察、调研、座谈（带队领导为书记、区长、县长、州长、市长，副职除外）' },
  'activity.visits': { kind: 'activity', counts: '互访：考察/调研、座谈会、签约仪式' },
  'activity.meetings': { kind: 'activity', counts: '座谈会/联席会议' },
  'agreement.count': { kind: 'agreement', counts: '签订的年度协议' },
  'coverage.townships': { kind: 'pairing', counts: '乡镇' },
  'coverage.villages': { kind: 'pairing', counts: '行政村' },
  'coverage.deep_poverty_villages': { kind: 'pairing', counts: '深度贫困村' },
} as const satisfies Record<string, MeasureSpec>;
export type Measure = keyof typeof MEASURES;

/** Units: how the base figure (raw) becomes the shown one. */
export const UNITS = {
  wan_yuan: { label: '万元', divisor: 1_000_000 },
  people: { label: '人', divisor: 1 },
  person_times: { label: '人次', divisor: 1 },
  batches: { label: '批次', divisor: 1 },
  items: { label: '个', divisor: 1 },
  times: { label: '次', divisor: 1 },
  mu: { label: '亩', divisor: 100 },
  percent: { label: '%', divisor: 1 },
} as const;
export type Unit = keyof typeof UNITS;

interface Base {
  code: string;
  name: string;
  area: IndicatorArea;
  description: string;
}
export type IndicatorDef =
  | (Base & { kind: 'sum' | 'stock'; unit: Exclude<Unit, 'percent'>; measures: Measure[] })
  | (Base & { kind: 'ratio'; unit: 'percent'; numerator: string; denominator: string })
  | (Base & { kind: 'coverage'; unit: 'percent'; measure: 'coverage.townships' | 'coverage.villages' | 'coverage.deep_poverty_villages' });

const sum = (code: string, name: string, area: IndicatorArea, unit: Exclude<Unit, 'percent'>, measures: Measure[], description: string): IndicatorDef => ({ kind: 'sum', code, name, area, unit, measures, description });
const stock = (code: string, name: string, area: IndicatorArea, unit: Exclude<Unit, 'percent'>, measures: Measure[], description: string): IndicatorDef => ({ kind: 'stock', code, name, area, unit, measures, description });
const ratio = (code: string, name: string, area: IndicatorArea, numerator: string, denominator: string, description: string): IndicatorDef => ({ kind: 'ratio', code, name, area, unit: 'percent', numerator, denominator, description });
const coverage = (code: string, name: string, measure: 'coverage.townships' | 'coverage.villages' | 'coverage.deep_poverty_villages', description: string): IndicatorDef => ({ kind: 'coverage', code, name, area: 'hand_in_hand', unit: 'percent', measure, description });

export const INDICATORS: readonly IndicatorDef[] = [
  sum('leader_visits', '党政主要领导带队互访', 'leadership', 'times', ['activity.leader_visits'], '期内党政主要领导带队的考察、调研、座谈次数'),
  sum('joint_meetings', '联席会议', 'leadership', 'times', ['activity.meetings'], '期内召开的座谈会、联席会议次数'),
  sum('visits', '互访交流', 'leadership', 'times', ['activity.visits'], '期内的考察、调研、座谈、签约等互访次数'),
  sum('agreements', '年度协议', 'leadership', 'items', ['agreement.count'], '期内年度的协议份数'),
  sum('fund_allocated', '财政援助资金下达', 'funds', 'wan_yuan', ['fund.allocate'], '期内生效的下达流水之和'),
  sum('fund_disbursed', '财政援助资金拨付', 'funds', 'wan_yuan', ['fund.disburse'], '期内已会签生效的拨付流水之和'),
  sum('fund_spent', '财政援助资金支出', 'funds', 'wan_yuan', ['fund.spend'], '期内生效的支出流水之和'),
  ratio('fund_spend_rate', '资金支出进度', 'funds', 'fund_spent', 'fund_allocated', '支出 ÷ 下达'),
  sum('projects', '帮扶项目数', 'funds', 'items', ['project.count'], '开始年度在期内、已批复（撤销除外）的项目'),
  sum('projects_started', '已开工项目数', 'funds', 'items', ['project.started'], '其中已开工的项目'),
  sum('projects_completed', '已完工项目数', 'funds', 'items', ['project.completed'], '其中已完工的项目'),
  ratio('project_start_rate', '项目开工率', 'funds', 'projects_started', 'projects', '已开工 ÷ 项目数'),
  ratio('project_completion_rate', '项目完工率', 'funds', 'projects_completed', 'projects', '已完工 ÷ 项目数'),
  sum('beneficiaries', '受益人口', 'funds', 'people', ['project.people'], '项目登记的受益人口'),
  sum('poor_beneficiaries', '其中受益脱贫人口', 'funds', 'people', ['project.poor_people'], '项目登记的受益脱贫人口（含监测对象）'),
  stock('cadres_on_post', '在岗援派党政干部', 'talent', 'people', ['dispatch.cadre'], '期末在岗的党政干部'),
  stock('professionals_on_post', '在岗援派专业技术人才', 'talent', 'people', ['dispatch.professional'], '期末在岗的教师、医生、农技人员'),
  sum('training_batches_east', '在沪培训批次', 'talent', 'batches', ['training.east.batches'], '在上海举办的培训、跟岗学习批次'),
  sum('training_person_times_east', '在沪培训人次', 'talent', 'person_times', ['training.east.person_times'], '在上海举办的培训、跟岗学习人次'),
  sum('training_batches_west', '在当地培训批次', 'talent', 'batches', ['training.west.batches'], '在受帮扶地举办的培训批次'),
  sum('training_person_times_west', '在当地培训人次', 'talent', 'person_times', ['training.west.person_times'], '在受帮扶地举办的培训人次'),
  sum('labor_placed', '转移就业（脱贫人口和监测对象）', 'labor', 'people', ['labor.placed.shanghai', 'labor.placed.other_east', 'labor.placed.local'], '期内各月转移就业人数之和'),
  sum('labor_placed_shanghai', '其中到上海就业', 'labor', 'people', ['labor.placed.shanghai'], '到上海就业'),
  sum('labor_placed_other_east', '其中到其他东部省份就业', 'labor', 'people', ['labor.placed.other_east'], '到其他东部省份就业'),
  sum('labor_placed_local', '其中就近就地就业', 'labor', 'people', ['labor.placed.local'], '就近就地就业'),
  sum('labor_followed', '稳岗跟踪人数', 'labor', 'people', ['labor.retention.placed'], '期内转移、已跟踪 6 个月的人数'),
  sum('labor_retained', '6 个月稳岗人数', 'labor', 'people', ['labor.retention.employed'], '6 个月后仍在岗'),
  ratio('labor_retention_rate', '稳岗率', 'labor', 'labor_retained', 'labor_followed', '6 个月仍在岗 ÷ 跟踪人数'),
  coverage('coverage_townships', '乡镇结对覆盖率', 'coverage.townships', '有结对关系的乡镇 ÷ 乡镇数（年内有效的结对）'),
  coverage('coverage_villages', '行政村结对覆盖率', 'coverage.villages', '有结对关系的行政村 ÷ 行政村数'),
  coverage('coverage_deep_poverty_villages', '深度贫困村结对覆盖率', 'coverage.deep_poverty_villages', '有结对关系的深度贫困村 ÷ 当年深度贫困村数（地区标识）'),
  sum('donation_cash', '社会帮扶资金', 'hand_in_hand', 'wan_yuan', ['donation.cash'], '捐赠资金'),
  sum('donation_goods', '社会帮扶物资折价', 'hand_in_hand', 'wan_yuan', ['donation.goods'], '捐赠物资折价'),
  sum('sales', '消费帮扶销售额', 'consumption', 'wan_yuan', ['sales.total'], '期内销售额（重复除外）'),
  sum('sales_certified', '其中认定产品销售额', 'consumption', 'wan_yuan', ['sales.certified'], '认定产品的销售额'),
  ratio('sales_certified_share', '认定产品销售占比', 'consumption', 'sales_certified', 'sales', '认定产品销售额 ÷ 销售额'),
  sum('enterprises', '引进企业', 'industry', 'items', ['industry.enterprises'], '期内签约引进的企业'),
  sum('investment_signed', '签约投资额', 'industry', 'wan_yuan', ['industry.signed_fen'], '引进企业的签约投资'),
  sum('investment_actual', '实际到位投资额', 'industry', 'wan_yuan', ['industry.actual_fen'], '引进企业的实际投资'),
  sum('enterprise_jobs', '引进企业创造就业岗位', 'industry', 'people', ['industry.jobs'], '引进企业创造的岗位'),
  sum('enterprise_poor_employed', '其中吸纳脱贫人口和监测对象', 'industry', 'people', ['industry.poor_employed'], '引进企业吸纳的脱贫人口和监测对象'),
  sum('parks', '共建产业园区、基地', 'industry', 'items', ['industry.parks'], '期内建立的园区、基地'),
  sum('park_area', '园区、基地面积', 'industry', 'mu', ['industry.park_area'], '期内建立的园区、基地面积'),
  stock('workshops', '帮扶车间', 'industry', 'items', ['industry.workshops'], '期末运营中的帮扶车间'),
  stock('workshop_employees', '帮扶车间就业人数', 'industry', 'people', ['industry.workshop_employees'], '期末运营中的帮扶车间的就业人数'),
  sum('farming_area', '订单农业面积', 'industry', 'mu', ['industry.farming_area'], '期内签订的订单农业面积'),
];

export const BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.code, d]));

/** The sums and stocks a set of indicators needs (ratios through their parts). */
export function measuresOf(defs: readonly IndicatorDef[]): Measure[] {
  const out = new Set<Measure>();
  const visit = (d: IndicatorDef) => {
    if (d.kind === 'sum' || d.kind === 'stock') d.measures.forEach((m) => out.add(m));
    else if (d.kind === 'ratio') [d.numerator, d.denominator].forEach((c) => visit(BY_CODE.get(c)!));
  };
  defs.forEach(visit);
  return [...out];
}

/** The measures whose cells are events of a stock (+ at the start month, − after the end month). */
export const STOCK_MEASURES: ReadonlySet<Measure> = new Set(INDICATORS.flatMap((d) => (d.kind === 'stock' ? d.measures : [])));
