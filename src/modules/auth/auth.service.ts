import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Action } from '../../platform/access/actions.ts';
import * as usersRepo from '../users/users.repository.ts';
import { loadIdentity, type Identity } from '../users/users.identity.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { FailureThrottle } from './auth.throttle.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Failed logins from one address within 5 minutes before it must wait (password spraying). */
  addressLimit: number;
}

/** The in-memory guards of the login route: per client address, and per unknown username (see login). */
export interface LoginGuards {
  byAddress: FailureThrottle;
  unknownNames: FailureThrottle;
}

export function sessionPolicyFromEnv(env = process.env): SessionPolicy {
  const num = (name: string, dflt: number) => (env[name] ? Number(env[name]) : dflt);
  return {
    idleMinutes: num('XIEZUO_SESSION_IDLE_MINUTES', 120),
    absoluteHours: num('XIEZUO_SESSION_ABSOLUTE_HOURS', 12),
    maxFailures: num('XIEZUO_LOGIN_MAX_FAILURES', 5),
    lockMinutes: num('XIEZUO_LOGIN_LOCK_MINUTES', 15),
    addressLimit: num('XIEZUO_LOGIN_ADDRESS_LIMIT', 30),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface Authenticated extends Identity {
  via: 'session' | 'token';
  sessionId: number | null;
  csrfToken: string | null;
}

const WRONG = '用户名或密码错误';
const lockedUntil = (until: Date) => `该账号因多次登录失败已锁定，请于 ${until.toLocaleTimeString('zh-CN', { hour12: false })} 后重试或联系管理员解锁`;

/**
 * Logs in: every outcome is audited; failures count toward a temporary lock of the account.
 * Unknown usernames and disabled accounts answer exactly as a wrong password would — an unknown
 * name even "locks" after the same number of failures — so answers never tell which accounts exist.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
  guards: LoginGuards,
): Promise<{ token: string; csrfToken: string; identity: Authenticated; expiresAt: Date }> {
  const ctx = (id: number | null): RequestContext => ({ actor: { id, name: input.username }, ip: input.ip, scope: { all: true }, permissions: new Set() });
  const key = input.ip ?? 'unknown';
  const throttle = guards.byAddress;
  const wait = throttle.retryAfter(key);
  if (wait > 0) {
    await writeAudit(db, ctx(null), { entity: 'session', entityId: null, action: 'login_throttled', after: { username: input.username } });
    throw new AppError('RATE_LIMITED', `登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`, [], { retryAfterSeconds: Math.ceil(wait / 1000) });
  }
  const user = await usersRepo.findForLogin(db, input.username);
  const failed = async (reason: string, message = WRONG, userId: number | null = null) => {
    throttle.fail(key);
    await writeAudit(db, ctx(userId), { entity: 'session', entityId: null, action: 'login_failed', after: { username: input.username, reason } });
    return new AppError('UNAUTHENTICATED', message, [{ path: reason === 'unknown_user' || reason === 'wrong_password' ? 'password' : 'username', message }]);
  };
  const now = new Date();
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    const phantomWait = guards.unknownNames.retryAfter(input.username);
    if (phantomWait > 0) throw await failed('unknown_user', lockedUntil(new Date(now.getTime() + phantomWait)));
    guards.unknownNames.fail(input.username);
    const nowLocked = guards.unknownNames.retryAfter(input.username) > 0;
    throw await failed('unknown_user', nowLocked ? `${WRONG}；连续失败 ${policy.maxFailures} 次，账号已锁定 ${policy.lockMinutes} 分钟` : WRONG);
  }
  if (user.status === 'disabled') {
    await verifyPassword(await dummyHash(), input.password);
    throw await failed('disabled', WRONG, user.id);
  }
  if (user.locked_until && user.locked_until > now) throw await failed('locked', lockedUntil(user.locked_until), user.id);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= policy.maxFailures;
    await usersRepo.update(db, user.id, {
      failed_attempts: lock ? 0 : attempts,
      ...(lock && { status: 'locked' as const, locked_until: new Date(now.getTime() + policy.lockMinutes * 60_000) }),
    });
    throw await failed('wrong_password', lock ? `${WRONG}；连续失败 ${policy.maxFailures} 次，账号已锁定 ${policy.lockMinutes} 分钟` : WRONG, user.id);
  }
  throttle.succeed(key);
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  const sessionId = await db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user.id, { failed_attempts: 0, locked_until: null, last_login_at: now, ...(user.status === 'locked' && { status: 'active' as const }) });
    const { id } = await trx
      .insertInto('sessions')
      .values({ token_hash: sha256(token), csrf_token: csrfToken, user_id: user.id, expires_at: expiresAt, ip: input.ip, user_agent: input.userAgent?.slice(0, 300) ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx(user.id), { entity: 'session', entityId: id, action: 'login' });
    return id;
  });
  const identity = await loadIdentity(db, user.id);
  if (!identity) throw new AppError('UNAUTHENTICATED', WRONG);
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
