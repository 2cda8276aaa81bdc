import { z } from 'zod';
import { pageQuery, regionCode, ref } from '../../platform/contract.ts';
import { ROLE_CODES } from '../../platform/access/actions.ts';

export const ROLE_LABELS = {
  sys_admin: '系统管理员',
  city_admin: '市级管理员',
  district_admin: '区级管理员',
  frontline: '前方工作组',
  recipient_clerk: '受援地填报员',
  recipient_leader: '受援县领导',
  reader: '只读/领导',
} as const;
export const roleCode = z.enum(ROLE_CODES);

export const USER_STATUSES = { active: '正常', locked: '已锁定', disabled: '已停用' } as const;
export const userStatus = z.enum(['active', 'locked', 'disabled']);

export const scopeEntry = z.union([
  z.object({ orgId: ref('org') }),
  z.object({ regionCode }),
]);
export type ScopeEntry = z.infer<typeof scopeEntry>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位小写字母、数字或 _ . -');

export const userInput = z.object({
  username,
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  orgId: ref('org').nullable().optional(),
  roles: z.array(roleCode).min(1, '至少一个角色'),
  scopes: z.array(scopeEntry).max(50).default([]),
  /** A temporary password; the user must change it at first login. */
  password: z.string().min(1, '请设置初始密码'),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  orgId: ref('org').nullable().optional(),
  roles: z.array(roleCode).min(1, '至少一个角色').optional(),
  scopes: z.array(scopeEntry).max(50).optional(),
  status: userStatus.optional(),
});
export type UserPatch = z.infer<typeof userPatch>;

export const scopeView = z.object({
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  status: userStatus,
  roles: z.array(roleCode),
  scopes: z.array(scopeView),
  allScope: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  role: roleCode.optional(),
  status: userStatus.optional(),
  sort: z.enum(['username', 'createdAt', 'lastLoginAt']).default('username'),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const resetPasswordInput = z.object({ password: z.string().min(1, '请设置新密码') });

export const role = z.object({
  code: roleCode,
  name: z.string(),
  description: z.string(),
  globalScope: z.boolean(),
  actions: z.array(z.string()),
});
