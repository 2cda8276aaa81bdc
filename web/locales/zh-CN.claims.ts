import type { CLAIM_STATUSES } from '../../src/platform/contract.ts';
import type { CLAIM_KINDS } from '../../src/modules/claims/claims.contract.ts';

/** Labels keyed by code, typed by the backend's own label maps (type-only imports: nothing is bundled). */
type Labels<P extends string, M> = { [K in keyof M & string as `${P}.${K}`]: M[K] };

const labels: Labels<'claimKind', typeof CLAIM_KINDS> & Labels<'claimStatus', typeof CLAIM_STATUSES> = {
  'claimKind.sale': '消费帮扶销售',
  'claimKind.donation': '社会帮扶捐赠',
  'claimKind.training': '培训',
  'claimStatus.pending': '待确认',
  'claimStatus.confirmed': '已确认',
  'claimStatus.refused': '已拒绝',
};

/** 待确认计入 (认领): figures credited to another unit, and the claim column of the record lists. */
export const zhCNClaims = {
  ...labels,
  'nav.claims': '待确认计入',
  'claim.intro': '其他单位登记的销售、捐赠和培训计入本单位（或本县）时，须经本单位确认后才计入本单位的统计；拒绝须说明理由，登记单位在“我方提交”中可以看到。',
  'claim.tabIncoming': '待我确认',
  'claim.tabOutgoing': '我方提交',
  'claim.filterStatus': '全部状态',
  'claim.statusCount': '{status}（{n}）',
  'claim.kind': '类型',
  'claim.title': '内容',
  'claim.date': '日期',
  'claim.amountYuan': '金额（元）',
  'claim.namedUnit': '计入单位',
  'claim.owningOrg': '登记单位',
  'claim.status': '状态',
  'claim.note': '说明',
  'claim.decidedBy': '处理人',
  'claim.confirm': '确认',
  'claim.refuse': '拒绝',
  'claim.confirmQuestion': '确认将这笔{kind}计入{unit}？',
  'claim.confirmHint': '确认后计入本单位的统计，不能撤回。',
  'claim.confirmed': '已确认计入：{title}',
  'claim.refused': '已拒绝：{title}',
  'claim.refuseTitle': '拒绝计入',
  'claim.refuseWhat': '{kind}：{title}（{date}），登记单位：{org}',
  'claim.refuseReason': '拒绝理由',
  'claim.refuseReasonRequired': '请填写拒绝理由',
  'claim.refuseHint': '理由会告知登记单位，并记入审计日志。',
  'claim.export': '导出 CSV',
  'claim.exportFile': '待确认计入-{tab}.csv',
  'claim.emptyIncoming': '没有等待您确认的计入',
  'claim.emptyOutgoing': '本单位没有计入其他单位的记录',
  'claim.truncated': '记录较多，仅列出最近的 {n} 条（共 {total} 条）',
  'claim.pendingHint': '计入单位尚未确认，暂不计入其统计',
  'claim.refusedHint': '计入单位已拒绝：{reason}',
  'claim.refusedNoReason': '计入单位已拒绝',
};
