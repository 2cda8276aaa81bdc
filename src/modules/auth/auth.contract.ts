import { z } from 'zod';
import { isoDate } from '../../platform/contract.ts';
import { ACTION_CODES } from '../../platform/access/actions.ts';
import { user } from '../users/users.contract.ts';

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const me = z.object({
  user,
  permissions: z.array(z.string()),
  /** Shown in the header: 全部, or the organisations and regions of the user's scope. */
  scopeLabel: z.string(),
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof me>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: z.string().min(1, '请输入新密码'),
});

export const session = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const tokenInput = z.object({
  name: z.string().trim().min(1, '请填写令牌名称').max(100),
  actions: z.array(z.enum(ACTION_CODES as [string, ...string[]])).min(1, '至少授予一项权限'),
  expiresOn: isoDate.nullable().optional(),
});

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  actions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export const createdToken = apiToken.extend({ token: z.string() });
