/**
 * Every action a role may be granted. Roles map to actions in the role_permissions table (data,
 * seeded by migrations); routes name the action they need. Shared with the web app for labels.
 */
export const ACTIONS = {
  'org:read': '查看组织',
  'org:write': '维护组织',
  'pairing:read': '查看结对与协议',
  'pairing:write': '维护结对与协议',
  'audit:read': '查看审计日志',
  'user:read': '查看用户',
  'user:write': '管理用户、角色与范围',
  'project:read': '查看项目与资金',
  'project:write': '录入、修改、申报项目',
  'project:review': '评审项目',
  'project:approve': '批复项目',
  'project:manage': '推进项目实施（开工、完工、验收、移交、暂停、撤销）',
  'fund:allocate': '下达资金',
  'fund:record': '登记拨付申请、支出与退回',
  'fund:cosign': '会签拨付',
  'activity:read': '查看工作动态、社会帮扶、培训与产业合作',
  'activity:write': '登记工作动态、社会帮扶、培训与产业合作',
  'personnel:read': '查看援派干部人才',
  'personnel:write': '登记援派干部人才',
  'labor:read': '查看劳务协作',
  'labor:write': '登记劳务协作',
  'consumption:read': '查看消费帮扶（供应主体、产品认定、销售）',
  'consumption:write': '登记供应主体、产品认定申请与销售',
  'consumption:review': '产品认定初审（部门意见）、登记公示异议',
  'consumption:certify': '产品认定审定、公示、认定、复核、下架与撤销',
  'bulletin:write': '编写简报（组稿、编辑条目、送审）',
  'bulletin:issue': '审核、退回与印发简报',
  'indicator:read': '查看考核指标与仪表盘',
  'indicator:write': '填报数据、设定目标与编写自评报告',
} as const;
export type Action = keyof typeof ACTIONS;
export const ACTION_CODES = Object.keys(ACTIONS) as Action[];

/**
 * What a route requires: 'public' (no login: health, login, public catalogue), 'authenticated'
 * (any logged-in user, even one who must still change the password), 'user' (any logged-in user
 * with a current password), or one action.
 */
export type Access = 'public' | 'authenticated' | 'user' | Action;

export const ROLE_CODES = ['sys_admin', 'city_admin', 'district_admin', 'frontline', 'recipient_clerk', 'recipient_leader', 'reader'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];
