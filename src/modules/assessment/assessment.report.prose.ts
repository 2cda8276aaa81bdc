import type { IndicatorValue } from '../indicators/indicators.contract.ts';
import { figure, hasRecords, yoyText } from './assessment.figures.ts';

/**
 * The report's prose from the figures: one clause per indicator with records ("下达财政援助资金500万元，
 * 完成年度目标的85%，同比增长12.5%"), in the definitions' order; the phrases are data, as the indicators are.
 */
const PHRASES: Record<string, string> = {
  leader_visits: '党政主要领导带队互访', joint_meetings: '召开联席会议', visits: '开展互访交流', agreements: '签订年度协议',
  fund_allocated: '下达财政援助资金', fund_disbursed: '拨付财政援助资金', fund_spent: '支出财政援助资金', fund_spend_rate: '资金支出进度为',
  projects: '实施帮扶项目', projects_started: '已开工项目', projects_completed: '已完工项目', project_start_rate: '项目开工率为', project_completion_rate: '项目完工率为',
  beneficiaries: '项目受益人口', poor_beneficiaries: '其中受益脱贫人口',
  cadres_on_post: '年末在岗援派党政干部', professionals_on_post: '年末在岗援派专业技术人才',
  training_batches_east: '在沪举办培训', training_person_times_east: '在沪培训', training_batches_west: '在当地举办培训', training_person_times_west: '在当地培训',
  labor_placed: '帮助脱贫人口和监测对象转移就业', labor_placed_shanghai: '其中到上海就业', labor_placed_other_east: '到其他东部省份就业', labor_placed_local: '就近就地就业',
  labor_followed: '稳岗跟踪', labor_retained: '6个月稳岗', labor_retention_rate: '稳岗率为',
  coverage_townships: '乡镇结对覆盖率为', coverage_villages: '行政村结对覆盖率为', coverage_deep_poverty_villages: '深度贫困村结对覆盖率为',
  donation_cash: '动员社会帮扶资金', donation_goods: '捐赠物资折价',
  sales: '实现消费帮扶销售额', sales_certified: '其中认定产品销售额', sales_certified_share: '认定产品销售占比为',
  enterprises: '引进企业', investment_signed: '签约投资', investment_actual: '实际到位投资', enterprise_jobs: '创造就业岗位', enterprise_poor_employed: '吸纳脱贫人口和监测对象就业',
  parks: '共建产业园区、基地', park_area: '园区、基地面积', workshops: '年末运营帮扶车间', workshop_employees: '帮扶车间就业', farming_area: '发展订单农业',
};

function clause(item: IndicatorValue): string {
  const parts = [`${PHRASES[item.code] ?? item.name}${figure(item.value ?? 0)}${item.unit}`];
  if (item.target?.progress != null) parts.push(`完成年度目标的${figure(item.target.progress)}%`);
  const yoy = yoyText(item);
  if (yoy) parts.push(yoy);
  return parts.join('，');
}

/** An area's paragraphs: what its records show, or 本年度尚无记录 (with the targets set, if any). */
export function areaProse(items: IndicatorValue[]): string[] {
  const shown = items.filter(hasRecords);
  const unmet = items.filter((i) => !hasRecords(i) && i.target).map((i) => `${i.name}目标${figure(i.target!.value)}${i.unit}`);
  const out = [shown.length ? `本年度，${shown.map(clause).join('；')}。` : '本年度尚无记录。'];
  if (unmet.length) out.push(`已设定年度目标、尚无完成记录的指标：${unmet.join('；')}。`);
  return out;
}
