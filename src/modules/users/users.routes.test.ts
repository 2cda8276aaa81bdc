import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
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
