import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Action } from '../../platform/access/actions.ts';
import * as usersRepo from '../users/users.repository.ts';
import * as repo from './auth.repository.ts';
import { loadIdentity } from '../users/users.identity.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { FailureThrottle } from './auth.throttle.ts';
import type { SessionPolicy } from '../../platform/access/session-policy.ts';
import type { Authenticated, Authenticator } from '../../platform/access/authenticated.ts';

export { sessionPolicyFromEnv, type SessionPolicy } from '../../platform/access/session-policy.ts';

/**
 * The in-memory guard of the login route: failures per client address (password spraying). A
 * success never clears it; failures per account are counted in the database (users.failed_attempts).
 */
export interface LoginGuards {
  byAddress: FailureThrottle;
}


const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export type { Authenticated } from '../../platform/access/authenticated.ts';

/**
 * The one answer to every refused login — unknown username, wrong password, locked account,
 * disabled account: the same status, message and issue, so no answer tells which accounts exist or
 * what state they are in. The audit log records the real reason.
 */
export function loginRefused(policy: Pick<SessionPolicy, 'maxFailures' | 'lockMinutes'>): AppError {
  const message = `用户名或密码错误（同一账号连续失败 ${policy.maxFailures} 次将锁定 ${policy.lockMinutes} 分钟）`;
  return new AppError('UNAUTHENTICATED', message, [{ path: 'password', message }]);
}

type LoginRefusalReason = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled';

/**
 * Logs in; every outcome is audited. Each refusal does the same work — one argon2 verification
 * (against a dummy hash when there is no usable account), the one failure-counting statement, one
 * audit row — and gives the same answer (loginRefused). Failures are counted twice, apart: per
 * client address (in memory; 429 once over the limit) and per account (in the database; a lock
 * after policy.maxFailures consecutive wrong passwords). A success clears that account's count
 * only, never the address's.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
  guards: LoginGuards,
): Promise<{ token: string; csrfToken: string; identity: Authenticated; expiresAt: Date }> {
  const ctx = (id: number | null): RequestContext => ({ actor: { id, name: input.username }, ip: input.ip, scope: { all: true }, permissions: new Set() });
  const address = input.ip ?? 'unknown';
  const wait = guards.byAddress.retryAfter(address);
  if (wait > 0) {
    await writeAudit(db, ctx(null), { entity: 'session', entityId: null, action: 'login_throttled', after: { username: input.username } });
    throw new AppError('RATE_LIMITED', `登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`, [], { retryAfterSeconds: Math.ceil(wait / 1000) });
  }
  const user = await usersRepo.findForLogin(db, input.username);
  const now = new Date();
  const reason: LoginRefusalReason | null = !user
    ? 'unknown_user'
    : user.status === 'disabled'
      ? 'disabled'
      : (user.locked_until && user.locked_until > now) || (user.status === 'locked' && !user.locked_until) // an administrator's lock has no end
        ? 'locked'
        : null;
  // The real hash only for an account that may log in now; otherwise the dummy, so every answer costs one verification.
  const verified = await verifyPassword(reason ? await dummyHash() : user!.password_hash, input.password);
  if (reason || !verified) {
    guards.byAddress.fail(address);
    // The same statement for every refusal: it counts (and locks) only an active account's wrong password.
    const counted = await usersRepo.countLoginFailure(db, input.username, policy);
    await writeAudit(db, ctx(user?.id ?? null), {
      entity: 'session',
      entityId: null,
      action: 'login_failed',
      after: { username: input.username, reason: reason ?? 'wrong_password', ...(counted?.locked && { locked: true }) },
    });
    throw loginRefused(policy);
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  const sessionId = await db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user!.id, { failed_attempts: 0, locked_until: null, last_login_at: now, ...(user!.status === 'locked' && { status: 'active' as const }) });
    const { id } = await trx
      .insertInto('sessions')
      .values({ token_hash: sha256(token), csrf_token: csrfToken, user_id: user!.id, expires_at: expiresAt, ip: input.ip, user_agent: input.userAgent?.slice(0, 300) ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx(user!.id), { entity: 'session', entityId: id, action: 'login' });
    return id;
  });
  const identity = await loadIdentity(db, user!.id);
  if (!identity) throw loginRefused(policy);
  return { token, csrfToken, identity: { ...identity, via: 'session', sessionId, csrfToken }, expiresAt };
}

/** The session behind a cookie, if it is neither expired nor idle too long; touches last_seen_at. */
export async function authenticateSession(db: Db, token: string, policy: SessionPolicy): Promise<Authenticated | 'expired' | null> {
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now || now - row.last_seen_at.getTime() > policy.idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return 'expired';
  }
  const identity = await loadIdentity(db, row.user_id);
  if (!identity) return null;
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', row.id).execute();
  }
  return { ...identity, via: 'session', sessionId: row.id, csrfToken: row.csrf_token };
}

/** An API token: its actions are the intersection of what it was granted and what its user may still do. */
export async function authenticateToken(db: Db, token: string): Promise<Authenticated | null> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= Date.now())) return null;
  const identity = await loadIdentity(db, row.user_id);
  if (!identity) return null;
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  const granted = new Set(row.actions);
  return {
    ...identity,
    permissions: new Set([...identity.permissions].filter((a) => granted.has(a))),
    mustChangePassword: false,
    via: 'token',
    sessionId: null,
    csrfToken: null,
  };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: number, everywhere: boolean) {
  await db.transaction().execute(async (trx) => {
    if (everywhere) await trx.deleteFrom('sessions').where('user_id', '=', ctx.actor.id!).execute();
    else await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await writeAudit(trx, ctx, { entity: 'session', entityId: sessionId, action: everywhere ? 'logout_everywhere' : 'logout' });
  });
}

export async function listSessions(db: Db, userId: number, currentId: number | null) {
  const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.created_at.toISOString(),
    lastSeenAt: s.last_seen_at.toISOString(),
    expiresAt: s.expires_at.toISOString(),
    ip: s.ip,
    userAgent: s.user_agent,
    current: s.id === currentId,
  }));
}

export async function revokeSession(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', ctx.actor.id!).executeTakeFirst();
    if (!gone.numDeletedRows) throw notFound('会话', id);
    await writeAudit(trx, ctx, { entity: 'session', entityId: id, action: 'revoke' });
  });
}

/** The user changes their own password: the current one is checked, the policy applied, other sessions end. */
export async function changePassword(db: Db, ctx: RequestContext, sessionId: number | null, current: string, next: string) {
  const userId = ctx.actor.id!;
  if (!(await verifyPassword(await usersRepo.passwordHashOf(db, userId), current))) {
    await writeAudit(db, ctx, { entity: 'user', entityId: userId, action: 'password_change_failed' });
    throw invalidField('currentPassword', '当前密码不正确');
  }
  const problem = passwordProblem(next, ctx.actor.name);
  if (problem) throw invalidField('newPassword', problem);
  if (current === next) throw invalidField('newPassword', '新密码不能与当前密码相同');
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, userId, { password_hash: hash, must_change_password: false, password_changed_at: new Date() });
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (sessionId) others = others.where('id', '<>', sessionId);
    await others.execute();
    await writeAudit(trx, ctx, { entity: 'user', entityId: userId, action: 'password_change' });
  });
}

// ---- API tokens ----

const presentToken = (t: { id: number; name: string; token_prefix: string; actions: string[]; created_at: Date; expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null }) => ({
  id: t.id,
  name: t.name,
  prefix: t.token_prefix,
  actions: t.actions,
  createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at?.toISOString() ?? null,
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  revoked: !!t.revoked_at,
});

export async function listTokens(db: Db, userId: number) {
  return (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute()).map(presentToken);
}

/** The plain token is returned once; only its hash is stored. */
export async function createToken(db: Db, ctx: RequestContext, input: { name: string; actions: string[]; expiresOn?: string | null }) {
  const beyond = input.actions.filter((a) => !ctx.permissions.has(a as Action));
  if (beyond.length) throw invalidField('actions', `不能授予自己没有的权限：${beyond.join('、')}`);
  if (input.expiresOn && input.expiresOn <= new Date().toISOString().slice(0, 10)) throw invalidField('expiresOn', '到期日期须晚于今天');
  const secret = newSecret();
  const prefix = secret.slice(0, 6);
  const token = `xz_${secret}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: ctx.actor.id!, name: input.name, token_hash: sha256(token), token_prefix: `xz_${prefix}`, actions: input.actions, expires_at: input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { entity: 'api_token', entityId: row.id, action: 'create', after: { name: input.name, actions: input.actions } });
    return { ...presentToken(row), token };
  });
}

export async function revokeToken(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('user_id', '=', ctx.actor.id!).where('revoked_at', 'is', null).executeTakeFirst();
    if (!done.numUpdatedRows) throw notFound('API 令牌', id);
    await writeAudit(trx, ctx, { entity: 'api_token', entityId: id, action: 'revoke' });
  });
}

/**
 * A disabled user's credentials end with them, inside the disabling transaction: every session is
 * ended and every API token marked revoked (audited one by one), so enabling the user again revives
 * none of them — the user logs in anew and creates new tokens.
 */
export async function endCredentials(trx: Queryable, ctx: RequestContext, userId: number, reason: 'user_disabled') {
  const sessions = await repo.endSessions(trx, userId);
  const tokens = await repo.liveTokens(trx, userId);
  await repo.revokeTokens(trx, userId, tokens.map((t) => t.id));
  for (const t of tokens) await writeAudit(trx, ctx, { entity: 'api_token', entityId: t.id, action: 'revoke', after: { userId, name: t.name, reason } });
  if (sessions) await writeAudit(trx, ctx, { entity: 'user', entityId: userId, action: 'sessions_ended', after: { count: sessions, reason } });
  return { sessions, tokens: tokens.length };
}

/**
 * After a change of the user's roles, each API token keeps only the actions the new roles grant: a
 * token left with none is revoked. A token acts with the intersection of its actions and its user's
 * anyway; narrowing it for good means giving the roles back later does not widen old tokens again.
 */
export async function narrowTokens(trx: Queryable, ctx: RequestContext, userId: number, granted: ReadonlySet<string>) {
  for (const t of await repo.liveTokens(trx, userId)) {
    const kept = t.actions.filter((a) => granted.has(a));
    if (kept.length === t.actions.length) continue;
    if (kept.length) {
      await repo.setTokenActions(trx, t.id, kept);
      await writeAudit(trx, ctx, { entity: 'api_token', entityId: t.id, action: 'narrow', before: { actions: t.actions }, after: { actions: kept, reason: 'roles_changed' } });
    } else {
      await repo.revokeTokens(trx, userId, [t.id]);
      await writeAudit(trx, ctx, { entity: 'api_token', entityId: t.id, action: 'revoke', before: { actions: t.actions }, after: { userId, name: t.name, reason: 'roles_changed' } });
    }
  }
}

/** Sessions and API tokens, as the platform's access control recognises callers. */
export const authenticator: Authenticator = { session: authenticateSession, token: authenticateToken };
