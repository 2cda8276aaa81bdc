import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp, TEST_PASSWORD, type Caller } from '../../testing/test-app.ts';
import { systemContext } from '../../platform/context.ts';
import { createUser } from '../users/users.service.ts';

const t = useTestApp();

async function lastAudit(action: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
}

/** A refusal's body without its request id, which every answer has of its own (it says nothing of the account). */
const refusal = (res: { json(): { requestId?: string } }) => {
  const { requestId, ...body } = res.json();
  expect(requestId).toEqual(expect.any(String));
  return body;
};
const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and returns the CSRF token and scope', async () => {
    const u = await t.userWith({ roles: ['reader'], scopes: [{ regionCode: '533401' }] });
    const res = await login(u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xiezuo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.scopeLabel).toBe('香格里拉市');
    expect(body.permissions).toEqual(expect.arrayContaining(['org:read', 'pairing:read']));
    expect(body.permissions.every((p: string) => p.endsWith(':read'))).toBe(true);
    expect((await lastAudit('login'))?.actor_name).toBe(u.username);
  });

  const REFUSED = '用户名或密码错误（同一账号连续失败 5 次将锁定 15 分钟）';

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    const wrong = await login(u.username, 'Nope-nope-123', '10.1.0.1');
    const unknown = await login('nobody-here', 'Nope-nope-123', '10.1.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(REFUSED);
    expect(refusal(unknown)).toEqual(refusal(wrong));
    const audit = await lastAudit('login_failed');
    expect(audit?.after).toMatchObject({ username: 'nobody-here', reason: 'unknown_user' });
  });

  it('gives one constant refusal — status, message and issue path — for an unknown user, a wrong password, a locked and a disabled account', async () => {
    const wrongPw = await t.userWith({ roles: ['reader'] });
    const locked = await t.userWith({ roles: ['reader'] });
    const disabled = await t.userWith({ roles: ['reader'] });
    for (let i = 0; i < 5; i++) await login(locked.username, 'Wrong-pass-123', `10.8.1.${i}`);
    expect((await t.call('PATCH', `/api/v1/users/${disabled.id}`, { status: 'disabled' })).status).toBe(200);
    // Locked and disabled accounts are tried with their right password: even that must not tell them apart.
    const answers = {
      unknown: await login('no-such-account', TEST_PASSWORD, '10.8.2.1'),
      wrong: await login(wrongPw.username, 'Wrong-pass-123', '10.8.2.2'),
      locked: await login(locked.username, TEST_PASSWORD, '10.8.2.3'),
      disabled: await login(disabled.username, TEST_PASSWORD, '10.8.2.4'),
    };
    const seen = Object.entries(answers).map(([kind, res]) => ({ kind, status: res.statusCode, body: refusal(res), cookies: res.cookies.length }));
    for (const answer of seen) expect({ ...answer, kind: 'any' }).toEqual({ kind: 'any', status: 401, body: { code: 'UNAUTHENTICATED', message: REFUSED, issues: [{ path: 'password', message: REFUSED }] }, cookies: 0 });
    const reasons = await t.database.db.selectFrom('audit_log').select('after').where('action', '=', 'login_failed').orderBy('id', 'desc').limit(4).execute();
    expect(reasons.map((r) => (r.after as { reason: string }).reason).reverse()).toEqual(['unknown_user', 'wrong_password', 'locked', 'disabled']);
  });

  it('locks an account after five failures, even against the right password, until an admin resets it', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    for (let i = 0; i < 5; i++) expect((await login(u.username, 'Wrong-pass-123', `10.2.0.${i}`)).statusCode).toBe(401);
    const locked = await login(u.username, TEST_PASSWORD, '10.2.0.9');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toBe(REFUSED);
    expect((await lastAudit('login_failed'))?.after).toMatchObject({ username: u.username, reason: 'locked' });
    expect((await t.call('GET', `/api/v1/users/${u.id}`)).body.status).toBe('locked');
    const reset = await t.call('POST', `/api/v1/users/${u.id}/password`, { password: 'Fresh-pass-456' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ status: 'active', mustChangePassword: true });
    expect((await login(u.username, 'Fresh-pass-456', '10.2.0.10')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly like a real account, through and after the lock', async () => {
    const real = await t.userWith({ roles: ['reader'] });
    const answers = async (name: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await login(name, 'Wrong-pass-123', `${ip}.${i}`);
        out.push([res.statusCode, refusal(res)]);
      }
      return out;
    };
    const [a, b] = [await answers(real.username, '10.4.0'), await answers('no-such-user', '10.5.0')];
    expect(b).toEqual(a);
    expect(new Set(a.map((x) => JSON.stringify(x))).size).toBe(1);
    expect((await t.call('GET', `/api/v1/users/${real.id}`)).body.status).toBe('locked');
  });

  it("keeps an administrator's lock until the account is set active again", async () => {
    const u = await t.userWith({ roles: ['reader'] });
    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { status: 'locked' })).status).toBe(200);
    const res = await login(u.username, TEST_PASSWORD, '10.12.0.1');
    expect([res.statusCode, res.json().message]).toEqual([401, REFUSED]);
    expect((await lastAudit('login_failed'))?.after).toMatchObject({ username: u.username, reason: 'locked' });
    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { status: 'active' })).status).toBe(200);
    expect((await login(u.username, TEST_PASSWORD, '10.12.0.2')).statusCode).toBe(200);
  });

  it('answers a disabled account like a wrong password', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    await t.call('PATCH', `/api/v1/users/${u.id}`, { status: 'disabled' });
    const res = await login(u.username, TEST_PASSWORD, '10.6.0.1');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe(REFUSED);
    expect((await lastAudit('login_failed'))?.after).toMatchObject({ reason: 'disabled' });
  });

  it("counts failures per account and per address apart: one account's success clears neither another account's count nor the address's", async () => {
    const own = await t.userWith({ roles: ['reader'] });
    const victim = await t.userWith({ roles: ['reader'] });
    const from = '10.9.0.1';
    for (let i = 0; i < 4; i++) expect((await login(victim.username, `Guess-pass-${i}0`, from)).statusCode).toBe(401);
    expect((await login(own.username, TEST_PASSWORD, from)).statusCode).toBe(200);
    // The fifth consecutive failure on the victim locks it: the success in between was another account's.
    expect((await login(victim.username, 'Guess-pass-50', from)).statusCode).toBe(401);
    expect((await login(victim.username, TEST_PASSWORD, '10.9.0.2')).statusCode).toBe(401);
    expect((await lastAudit('login_failed'))?.after).toMatchObject({ username: victim.username, reason: 'locked' });
    // The address has 5 failures; the success did not clear them: 25 more reach its limit of 30.
    for (let i = 0; i < 25; i++) expect((await login(`spray${i}`, 'Wrong-pass-123', from)).statusCode).toBe(401);
    const throttled = await login(own.username, TEST_PASSWORD, from);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('分钟后再试') });
    expect((await login(own.username, TEST_PASSWORD, '10.9.0.3')).statusCode).toBe(200);
  });

  it("a success clears that account's own failures", async () => {
    const u = await t.userWith({ roles: ['reader'] });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login(u.username, 'Wrong-pass-123', `10.10.${round}.${i}`)).statusCode).toBe(401);
      expect((await login(u.username, TEST_PASSWORD, `10.10.${round}.9`)).statusCode).toBe(200);
    }
  });

  it('counts parallel wrong guesses without losing any (the lock is one atomic update)', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    await Promise.all(Array.from({ length: 5 }, (_, i) => login(u.username, 'Wrong-pass-123', `10.11.0.${i}`)));
    expect((await login(u.username, TEST_PASSWORD, '10.11.0.9')).statusCode).toBe(401);
    expect((await t.call('GET', `/api/v1/users/${u.id}`)).body.status).toBe('locked');
  });

  it('throttles repeated failures from one address', async () => {
    for (let i = 0; i < 30; i++) await login(`ghost${i}`, 'Wrong-pass-123', '10.3.0.1');
    const res = await login('ghost', 'Wrong-pass-123', '10.3.0.1');
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('分钟后再试');
    expect((await login('ghost', 'Wrong-pass-123', '10.3.0.2')).statusCode).toBe(401);
  });

  it('expires an idle session, says so, and audits it', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    await sql`update sessions set last_seen_at = now() - interval '1 day' where user_id = ${u.id}`.execute(t.database.db);
    const res = await t.call('GET', '/api/v1/orgs', undefined, u.caller);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('会话已过期');
    expect((await lastAudit('session_expired'))?.actor_name).toBe('anonymous');
  });

  it('logs out one session, or every session of the user', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    const second = await t.login(u.username);
    const third = await t.login(u.username);
    const sessions = await t.call('GET', '/api/v1/auth/sessions', undefined, u.caller);
    expect(sessions.body).toHaveLength(3);
    expect(sessions.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect((await t.call('POST', '/api/v1/auth/logout', undefined, second)).status).toBe(204);
    expect((await t.call('GET', '/api/v1/auth/me', undefined, second)).status).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/logout?everywhere=true', undefined, third)).status).toBe(204);
    expect((await t.call('GET', '/api/v1/auth/me', undefined, u.caller)).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request with a missing or forged token, and audits it', async () => {
    const admin = t.admin as { cookie: string; csrf: string };
    const body = { name: 'CSRF 测试单位', type: 'other', side: 'east' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie: admin.cookie }, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toContain('CSRF');
    const forged = await t.call('POST', '/api/v1/orgs', body, { cookie: admin.cookie, csrf: 'forged-token-forged-token-forged' });
    expect(forged.status).toBe(403);
    expect(await lastAudit('csrf_failed')).toBeTruthy();
    expect(await t.database.db.selectFrom('orgs').select('id').where('name', '=', 'CSRF 测试单位').execute()).toEqual([]);
    expect((await t.call('POST', '/api/v1/orgs', body)).status).toBe(201);
  });

  it('does not need a CSRF token for reads', async () => {
    const admin = t.admin as { cookie: string };
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
  });
});

describe('first login and passwords', () => {
  it('forces a password change before anything else, with the policy explained', async () => {
    await createUser(t.database.db, systemContext, { username: 'newcomer', displayName: '新用户', roles: ['reader'], scopes: [], password: 'Temp-pass-123' });
    const caller = await t.login('newcomer', 'Temp-pass-123');
    const blocked = await t.call('GET', '/api/v1/orgs', undefined, caller);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.call('GET', '/api/v1/auth/me', undefined, caller)).body.user.mustChangePassword).toBe(true);
    const weak = await t.call('POST', '/api/v1/auth/password', { currentPassword: 'Temp-pass-123', newPassword: 'short' }, caller);
    expect(weak.status).toBe(400);
    expect(weak.body.issues[0]).toMatchObject({ path: 'newPassword', message: expect.stringContaining('10') });
    const wrongCurrent = await t.call('POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'Better-pass-456' }, caller);
    expect(wrongCurrent.body.issues[0].path).toBe('currentPassword');
    expect((await t.call('POST', '/api/v1/auth/password', { currentPassword: 'Temp-pass-123', newPassword: 'Better-pass-456' }, caller)).status).toBe(204);
    expect((await t.call('GET', '/api/v1/orgs', undefined, caller)).status).toBe(200);
  });

  it('stores only an argon2id hash', async () => {
    const row = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'newcomer').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('API tokens', () => {
  it('acts with the granted actions only, and stops working when revoked', async () => {
    const created = await t.call('POST', '/api/v1/auth/tokens', { name: '统计系统对接', actions: ['org:read'] });
    expect(created.status).toBe(201);
    const bearer: Caller = { bearer: created.body.token };
    const stored = await t.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token);
    expect((await t.call('GET', '/api/v1/orgs', undefined, bearer)).status).toBe(200);
    const write = await t.call('POST', '/api/v1/orgs', { name: '令牌写入', type: 'other', side: 'east' }, bearer);
    expect(write.status).toBe(403);
    expect(write.body.message).toContain('令牌');
    expect((await lastAudit('permission_denied'))?.after).toMatchObject({ url: '/api/v1/orgs' });
    const list = await t.call('GET', '/api/v1/auth/tokens');
    expect(list.body[0]).toMatchObject({ name: '统计系统对接', revoked: false });
    expect(list.body[0].token).toBeUndefined();
    expect((await t.call('DELETE', `/api/v1/auth/tokens/${created.body.id}`)).status).toBe(204);
    const after = await t.call('GET', '/api/v1/orgs', undefined, bearer);
    expect(after.status).toBe(401);
  });

  it('cannot grant more than the user holds', async () => {
    const reader = await t.userWith({ roles: ['reader'] });
    const res = await t.call('POST', '/api/v1/auth/tokens', { name: 'x', actions: ['org:write'] }, reader.caller);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('actions');
  });
});

