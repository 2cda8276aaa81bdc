import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { endCredentials, narrowTokens } from '../auth/auth.service.ts';
import * as repo from './users.repository.ts';
import type { ScopeEntry, User, UserInput, UserListQuery, UserPatch } from './users.contract.ts';

async function present(q: Queryable, rows: repo.UserRow[]): Promise<User[]> {
  const ids = rows.map((r) => r.id);
  const [roles, scopes, allRoles] = await Promise.all([repo.rolesOf(q, ids), repo.scopesOf(q, ids), repo.roles(q)]);
  const globalRoles = new Set(allRoles.filter((r) => r.global_scope).map((r) => r.code));
  return rows.map((r) => {
    const mine = roles.filter((x) => x.user_id === r.id).map((x) => x.role_code) as User['roles'];
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      orgId: r.org_id,
      orgName: r.org_name,
      status: r.status,
      roles: mine,
      scopes: scopes.filter((s) => s.user_id === r.id).map((s) => ({ orgId: s.org_id, orgName: s.org_name, regionCode: s.region_code, regionName: s.region_name })),
      allScope: mine.some((c) => globalRoles.has(c)),
      mustChangePassword: r.must_change_password,
      lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      isDemo: r.is_demo,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export async function getUser(q: Queryable, id: number): Promise<User> {
  const row = await repo.findById(q, id);
  if (!row) throw notFound('用户', id);
  return (await present(q, [row]))[0];
}

export async function listUsers(q: Queryable, f: UserListQuery): Promise<Page<User>> {
  const { rows, total } = await repo.list(q, f);
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

export async function listRoles(q: Queryable) {
  const [roles, perms] = await Promise.all([repo.roles(q), q.selectFrom('role_permissions').selectAll().execute()]);
  return roles.map((r) => ({
    code: r.code as User['roles'][number],
    name: r.name,
    description: r.description,
    globalScope: r.global_scope,
    actions: perms.filter((p) => p.role_code === r.code).map((p) => p.action).sort(),
  }));
}

async function checkScopes(q: Queryable, scopes: ScopeEntry[]) {
  const orgIds = scopes.flatMap((s) => ('orgId' in s ? [s.orgId] : []));
  const codes = scopes.flatMap((s) => ('regionCode' in s ? [s.regionCode] : []));
  for (const [i, s] of scopes.entries()) {
    if ('orgId' in s && !(await orgsRepo.findById(q, s.orgId))) throw invalidField(`scopes.${i}.orgId`, `组织 ${s.orgId} 不存在`);
  }
  const known = await regionsRepo.existingCodes(q, codes);
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw invalidField(`scopes.${scopes.findIndex((s) => 'regionCode' in s && s.regionCode === unknown)}.regionCode`, `未知的区划代码 ${unknown}`);
  return [...orgIds.map((org_id) => ({ org_id, region_code: null })), ...codes.map((region_code) => ({ org_id: null, region_code }))];
}

export async function createUser(db: Db, ctx: RequestContext, input: UserInput, opts: { isDemo?: boolean; mustChangePassword?: boolean } = {}): Promise<User> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.findForLogin(trx, input.username)) {
      throw new AppError('CONFLICT', `用户名「${input.username}」已被使用`, [{ path: 'username', message: '已被使用' }]);
    }
    if (input.orgId && !(await orgsRepo.findById(trx, input.orgId))) throw invalidField('orgId', `组织 ${input.orgId} 不存在`);
    const scopes = await checkScopes(trx, input.scopes);
    const id = await repo.insert(trx, {
      username: input.username,
      display_name: input.displayName,
      org_id: input.orgId ?? null,
      password_hash: passwordHash,
      must_change_password: opts.mustChangePassword ?? true,
      is_demo: opts.isDemo ?? false,
    });
    await repo.replaceRoles(trx, id, input.roles);
    await repo.replaceScopes(trx, id, scopes);
    const created = await getUser(trx, id);
    await writeAudit(trx, ctx, { entity: 'user', entityId: id, action: 'create', after: created });
    return created;
  });
}

export async function updateUser(db: Db, ctx: RequestContext, id: number, patch: UserPatch): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    const rolesChange = !!patch.roles && [...patch.roles].sort().join() !== [...before.roles].sort().join();
    const scopeKey = (s: { orgId?: number | null; regionCode?: string | null }) => ('orgId' in s && s.orgId ? `o${s.orgId}` : `r${s.regionCode}`);
    const scopesChange = !!patch.scopes && patch.scopes.map(scopeKey).sort().join() !== before.scopes.map(scopeKey).sort().join();
    if (id === ctx.actor.id && (rolesChange || scopesChange)) {
      throw new AppError('FORBIDDEN', '不能修改自己的角色或数据范围，请由另一位管理员操作', [{ path: patch.roles ? 'roles' : 'scopes', message: '不能修改自己的权限' }]);
    }
    if (id === ctx.actor.id && patch.status && patch.status !== 'active') {
      throw new AppError('FORBIDDEN', '不能停用或锁定自己的账号', [{ path: 'status', message: '不能停用自己' }]);
    }
    const losesAdmin = before.roles.includes('sys_admin') && ((patch.roles && !patch.roles.includes('sys_admin')) || patch.status === 'disabled');
    if (losesAdmin && (await repo.otherActiveAdmins(trx, id)) === 0) {
      throw new AppError('CONFLICT', '不能移除最后一个系统管理员：请先为另一位用户授予系统管理员角色', [{ path: patch.roles ? 'roles' : 'status', message: '最后一个系统管理员' }]);
    }
    if (patch.orgId && !(await orgsRepo.findById(trx, patch.orgId))) throw invalidField('orgId', `组织 ${patch.orgId} 不存在`);
    await repo.update(trx, id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.orgId !== undefined && { org_id: patch.orgId }),
      ...(patch.status !== undefined && { status: patch.status, ...(patch.status === 'active' && { failed_attempts: 0, locked_until: null }) }),
      // An administrator's lock (a change to locked) has no end: it lasts until the user is set active again.
      ...(patch.status === 'locked' && before.status !== 'locked' && { locked_until: null }),
    });
    if (patch.roles) await repo.replaceRoles(trx, id, patch.roles);
    if (patch.scopes) await repo.replaceScopes(trx, id, await checkScopes(trx, patch.scopes));
    const after = await getUser(trx, id);
    const permissionChange = rolesChange || scopesChange;
    await writeAudit(trx, ctx, { entity: 'user', entityId: id, action: permissionChange ? 'permission_change' : 'update', before, after });
    // Credentials end with the user: sessions and API tokens, for good (enabling again revives none).
    if (patch.status === 'disabled') await endCredentials(trx, ctx, id, 'user_disabled');
    else if (rolesChange) await narrowTokens(trx, ctx, id, new Set((await repo.permissionsOfRoles(trx, patch.roles!)).map((p) => p.action)));
    return after;
  });
}

/** An administrator sets a temporary password: the user must change it, and their sessions end. */
export async function resetPassword(db: Db, ctx: RequestContext, id: number, password: string): Promise<User> {
  const user = await getUser(db, id);
  const problem = passwordProblem(password, user.username);
  if (problem) throw invalidField('password', problem);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    await repo.update(trx, id, { password_hash: hash, must_change_password: true, failed_attempts: 0, locked_until: null, password_changed_at: new Date() });
    if (user.status === 'locked') await repo.update(trx, id, { status: 'active' });
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(trx, ctx, { entity: 'user', entityId: id, action: 'password_reset' });
    return getUser(trx, id);
  });
}
