import { sql } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { UserListQuery } from './users.contract.ts';

const SORT = { username: 'u.username', createdAt: 'u.created_at', lastLoginAt: 'u.last_login_at' } as const;

const columns = [
  'u.id', 'u.username', 'u.display_name', 'u.org_id', 'u.status', 'u.must_change_password', 'u.failed_attempts',
  'u.locked_until', 'u.last_login_at', 'u.is_demo', 'u.created_at', 'o.name as org_name',
] as const;

function base(q: Queryable) {
  return q.selectFrom('users as u').leftJoin('orgs as o', 'o.id', 'u.org_id');
}

export async function findById(q: Queryable, id: number) {
  return base(q).select(columns).where('u.id', '=', id).executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function findForLogin(q: Queryable, username: string) {
  return q.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Counts one failed login against the account of this username if it may log in now (neither
 * disabled nor locked); its `maxFailures`-th consecutive failure locks it for `lockMinutes`. Every
 * refused login runs this same statement (for an unknown, disabled or locked name it matches no
 * row), so refusals cost alike; one atomic update, so parallel guesses cannot outrun the lock.
 */
export async function countLoginFailure(q: Queryable, username: string, policy: { maxFailures: number; lockMinutes: number }): Promise<{ locked: boolean } | undefined> {
  const r = await sql<{ locked: boolean }>`
    update users set
      failed_attempts = case when failed_attempts + 1 >= ${policy.maxFailures} then 0 else failed_attempts + 1 end,
      status = case when failed_attempts + 1 >= ${policy.maxFailures} then 'locked' else status end,
      locked_until = case when failed_attempts + 1 >= ${policy.maxFailures} then now() + ${policy.lockMinutes}::float8 * interval '1 minute' else locked_until end,
      updated_at = now()
    where username = ${username} and status <> 'disabled'
      and not coalesce(locked_until > now(), false) and not (status = 'locked' and locked_until is null)
    returning (status = 'locked' and coalesce(locked_until > now(), false)) as locked`.execute(q);
  return r.rows[0];
}

export async function passwordHashOf(q: Queryable, id: number) {
  return (await q.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
}

export async function list(q: Queryable, f: UserListQuery) {
  let query = base(q);
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like)]));
  }
  if (f.status) query = query.where('u.status', '=', f.status);
  if (f.role) query = query.where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.role_code', '=', f.role!)));
  const [rows, count] = await Promise.all([
    query.select(columns).orderBy(SORT[f.sort], f.order).orderBy('u.id').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function rolesOf(q: Queryable, userIds: number[]) {
  if (!userIds.length) return [];
  return q.selectFrom('user_roles').select(['user_id', 'role_code']).where('user_id', 'in', userIds).orderBy('role_code').execute();
}

export async function scopesOf(q: Queryable, userIds: number[]) {
  if (!userIds.length) return [];
  return q
    .selectFrom('user_scopes as s')
    .leftJoin('orgs as o', 'o.id', 's.org_id')
    .leftJoin('regions as r', 'r.code', 's.region_code')
    .select(['s.user_id', 's.org_id', 'o.name as org_name', 's.region_code', 'r.name as region_name'])
    .where('s.user_id', 'in', userIds)
    .orderBy('s.id')
    .execute();
}

export async function roles(q: Queryable) {
  return q.selectFrom('roles').selectAll().orderBy('code').execute();
}

/** Every grant of every role (the role data docs/security.md's table is checked against). */
export async function rolePermissions(q: Queryable) {
  return q.selectFrom('role_permissions').select(['role_code', 'action']).orderBy('role_code').orderBy('action').execute();
}

export async function permissionsOfRoles(q: Queryable, roleCodes: string[]) {
  if (!roleCodes.length) return [];
  return q.selectFrom('role_permissions').select(['role_code', 'action']).where('role_code', 'in', roleCodes).execute();
}

export async function insert(q: Queryable, v: { username: string; display_name: string; org_id: number | null; password_hash: string; must_change_password: boolean; is_demo?: boolean }) {
  return (await q.insertInto('users').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function update(
  q: Queryable,
  id: number,
  v: Partial<{ display_name: string; org_id: number | null; status: 'active' | 'locked' | 'disabled'; password_hash: string; must_change_password: boolean; failed_attempts: number; locked_until: Date | null; last_login_at: Date; password_changed_at: Date }>,
) {
  await q.updateTable('users').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function replaceRoles(q: Queryable, userId: number, roleCodes: string[]) {
  await q.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleCodes.length) await q.insertInto('user_roles').values(roleCodes.map((role_code) => ({ user_id: userId, role_code }))).execute();
}

export async function replaceScopes(q: Queryable, userId: number, scopes: { org_id: number | null; region_code: string | null }[]) {
  await q.deleteFrom('user_scopes').where('user_id', '=', userId).execute();
  if (scopes.length) await q.insertInto('user_scopes').values(scopes.map((s) => ({ ...s, user_id: userId }))).execute();
}

/** Active system administrators other than the given user, locked for the check (the last one may not go). */
export async function otherActiveAdmins(q: Queryable, exceptUserId: number): Promise<number> {
  const rows = await q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('r.role_code', '=', 'sys_admin')
    .where('u.status', '<>', 'disabled')
    .where('u.id', '<>', exceptUserId)
    .forUpdate()
    .execute();
  return rows.length;
}

export async function countUsers(q: Queryable): Promise<number> {
  return Number((await q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** Organisation ids covered by scope entries: the listed orgs and orgs in listed regions, with everything below them. */
export async function orgIdsUnder(q: Queryable, orgIds: number[], regionPrefixes: string[]): Promise<number[]> {
  if (!orgIds.length && !regionPrefixes.length) return [];
  const r = await sql<{ id: number }>`
    with recursive t(id, depth) as (
      select id, 0 from orgs
       where id = any(${orgIds}::bigint[])
          or exists (select 1 from unnest(${regionPrefixes}::text[]) p(prefix) where orgs.region_code like p.prefix || '%')
      union
      select o.id, t.depth + 1 from orgs o join t on o.parent_id = t.id where t.depth < 20
    )
    select distinct id from t`.execute(q);
  return r.rows.map((x) => Number(x.id));
}
