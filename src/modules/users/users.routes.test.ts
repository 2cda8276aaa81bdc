import { describe, expect, it } from 'vitest';
import { useTestApp, TEST_PASSWORD, type Caller } from '../../testing/test-app.ts';
import { openTestDatabase } from '../../testing/test-db.ts';
import { systemContext } from '../../platform/context.ts';
import { createUser, updateUser } from './users.service.ts';

const t = useTestApp();

async function lastAudit(action: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
}

describe('user administration', () => {
  it('refuses a user editing their own role, audits it, and changes nothing', async () => {
    const me = await t.call('GET', '/api/v1/auth/me');
    const res = await t.call('PATCH', `/api/v1/users/${me.body.user.id}`, { roles: ['reader'] });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('自己');
    expect((await lastAudit('refused'))?.after).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('GET', `/api/v1/users/${me.body.user.id}`)).body.roles).toEqual(['sys_admin']);
  });

  it('lets a user save their own record when roles and scopes are sent unchanged', async () => {
    const me = await t.userWith({ roles: ['sys_admin'], scopes: [{ regionCode: '533401' }] });
    const res = await t.call('PATCH', `/api/v1/users/${me.id}`, { displayName: '新名字', roles: ['sys_admin'], scopes: [{ regionCode: '533401' }] }, me.caller);
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('新名字');
  });

  it('records permission changes in the audit with before and after', async () => {
    const admin = await t.userWith({ roles: ['sys_admin'] });
    const target = await t.userWith({ roles: ['reader'] });
    const res = await t.call('PATCH', `/api/v1/users/${target.id}`, { roles: ['district_admin'], scopes: [{ regionCode: '310112' }] }, admin.caller);
    expect(res.status).toBe(200);
    const audit = await lastAudit('permission_change');
    expect(audit).toMatchObject({ entity: 'user', entity_id: String(target.id), actor_name: admin.username });
    expect((audit!.before as { roles: string[] }).roles).toEqual(['reader']);
    expect((audit!.after as { roles: string[] }).roles).toEqual(['district_admin']);
  });

  it('refuses duplicate usernames and weak initial passwords, naming the field', async () => {
    await t.userWith({ username: 'taken', roles: ['reader'] });
    const dup = await t.call('POST', '/api/v1/users', { username: 'taken', displayName: 'x', roles: ['reader'], password: 'Good-pass-123' });
    expect(dup.status).toBe(409);
    expect(dup.body.issues[0].path).toBe('username');
    const weak = await t.call('POST', '/api/v1/users', { username: 'weakling', displayName: 'x', roles: ['reader'], password: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.issues[0].path).toBe('password');
  });

  it('offers no route that changes or deletes audit rows', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await t.call(method, '/api/v1/audit')).status).toBe(404);
    }
    const list = await t.call('GET', '/api/v1/audit?action=login&pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.items.every((r: { action: string }) => r.action === 'login')).toBe(true);
  });
});

describe('the last system administrator', () => {
  it('cannot be demoted or disabled by anyone, the system included', async () => {
    const database = await openTestDatabase();
    const solo = await createUser(database.db, systemContext, { username: 'solo', displayName: '唯一管理员', roles: ['sys_admin'], scopes: [], password: 'Strong-pass-1234' });
    await expect(updateUser(database.db, systemContext, solo.id, { roles: ['reader'] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('最后一个系统管理员') });
    await expect(updateUser(database.db, systemContext, solo.id, { status: 'disabled' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await createUser(database.db, systemContext, { username: 'deputy', displayName: '第二管理员', roles: ['sys_admin'], scopes: [], password: 'Strong-pass-1234' });
    await expect(updateUser(database.db, systemContext, solo.id, { roles: ['reader'] })).resolves.toMatchObject({ roles: ['reader'] });
  });
});

describe('credentials end with their user', () => {
  const tokenOf = async (caller: Caller, actions: string[]) => {
    const res = await t.call('POST', '/api/v1/auth/tokens', { name: `对接 ${actions.join(' ')}`, actions }, caller);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as number, bearer: { bearer: res.body.token as string } as Caller };
  };

  it('disabling a user revokes their API tokens and ends their sessions, audited in the same change; enabling again revives neither', async () => {
    const u = await t.userWith({ roles: ['reader'] });
    const second = await t.login(u.username);
    const token = await tokenOf(u.caller, ['org:read']);
    expect((await t.call('GET', '/api/v1/orgs', undefined, token.bearer)).status).toBe(200);

    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/orgs', undefined, token.bearer)).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', undefined, second)).status).toBe(401);
    const stored = await t.database.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.revoked_at).toBeInstanceOf(Date);
    expect(await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
    const revoke = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'api_token').where('entity_id', '=', String(token.id)).where('action', '=', 'revoke').executeTakeFirst();
    expect(revoke?.after).toMatchObject({ userId: u.id, reason: 'user_disabled' });
    expect((await lastAudit('sessions_ended'))?.after).toMatchObject({ count: 2, reason: 'user_disabled' });

    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { status: 'active' })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/orgs', undefined, token.bearer)).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', undefined, second)).status).toBe(401);
    const fresh = await t.login(u.username, TEST_PASSWORD);
    expect((await t.call('GET', '/api/v1/auth/tokens', undefined, fresh)).body).toEqual([expect.objectContaining({ id: token.id, revoked: true })]);
    const renewed = await tokenOf(fresh, ['org:read']);
    expect((await t.call('GET', '/api/v1/orgs', undefined, renewed.bearer)).status).toBe(200);
  });

  it('a failed disabling (the last administrator) revokes nothing', async () => {
    const database = await openTestDatabase();
    const solo = await createUser(database.db, systemContext, { username: 'solo', displayName: '唯一管理员', roles: ['sys_admin'], scopes: [], password: 'Strong-pass-1234' });
    await database.db.insertInto('api_tokens').values({ user_id: solo.id, name: 'x', token_hash: 'h', token_prefix: 'xz_x', actions: ['org:read'] }).execute();
    await expect(updateUser(database.db, systemContext, solo.id, { status: 'disabled' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await database.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', solo.id).executeTakeFirstOrThrow()).revoked_at).toBeNull();
  });

  it('a change of roles narrows API tokens to what the new roles grant, for good: giving the roles back does not widen them', async () => {
    const u = await t.userWith({ roles: ['district_admin'], scopes: [{ regionCode: '310112' }] });
    const mixed = await tokenOf(u.caller, ['org:read', 'project:approve']);
    const approveOnly = await tokenOf(u.caller, ['project:approve']);
    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { roles: ['reader'] })).status).toBe(200);
    const tokens = async () => (await t.call('GET', '/api/v1/auth/tokens', undefined, u.caller)).body as { id: number; actions: string[]; revoked: boolean }[];
    expect((await tokens()).map((x) => [x.id, x.actions, x.revoked])).toEqual([
      [approveOnly.id, ['project:approve'], true],
      [mixed.id, ['org:read'], false],
    ]);
    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { roles: ['district_admin'] })).status).toBe(200);
    expect((await tokens()).map((x) => [x.id, x.actions, x.revoked])).toEqual([
      [approveOnly.id, ['project:approve'], true],
      [mixed.id, ['org:read'], false],
    ]);
    expect((await t.call('GET', '/api/v1/orgs', undefined, mixed.bearer)).status).toBe(200);
    expect((await t.call('GET', '/api/v1/orgs', undefined, approveOnly.bearer)).status).toBe(401);
    expect((await lastAudit('narrow'))?.after).toMatchObject({ actions: ['org:read'], reason: 'roles_changed' });
  });
});
