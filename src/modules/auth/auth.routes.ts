import type { FastifyReply } from 'fastify';
import type {} from '@fastify/cookie';
import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam } from '../../platform/contract.ts';
import { AppError } from '../../platform/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/access.ts';
import { getUser } from '../users/users.service.ts';
import type { Authenticated } from './auth.service.ts';
import * as service from './auth.service.ts';
import { apiToken, changePasswordInput, createdToken, loginInput, me, session, tokenInput, type Me } from './auth.contract.ts';
import { FailureThrottle } from './auth.throttle.ts';

const tags = ['auth'];

function scopeLabel(auth: Authenticated, user: Awaited<ReturnType<typeof getUser>>): string {
  if (auth.scope.all) return '全部';
  const parts = user.scopes.map((s) => s.orgName ?? s.regionName ?? s.regionCode ?? '');
  return parts.length ? parts.join('、') : '无（未分配数据范围）';
}

export function registerAuthRoutes(app: TypedApp, deps: RouteDeps) {
  const { db, sessionPolicy: policy, secureCookies } = deps;
  const guards = { byAddress: new FailureThrottle(policy.addressLimit, 5 * 60_000) };
  const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: secureCookies };

  const presentMe = async (auth: Authenticated): Promise<Me> => {
    const user = await getUser(db, auth.userId);
    return { user, permissions: [...auth.permissions].sort(), scopeLabel: scopeLabel(auth, user), csrfToken: auth.csrfToken, via: auth.via };
  };
  const clearCookies = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });

  app.post('/auth/login', { config: { access: 'public' }, schema: { tags, summary: '登录（设置 HttpOnly 会话 Cookie）', body: loginInput, response: { 200: me } } }, async (req, reply) => {
    const result = await service.login(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, policy, guards);
    const maxAge = policy.absoluteHours * 3600;
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, httpOnly: true, maxAge });
    reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false, maxAge });
    return presentMe(result.identity);
  });

  app.get('/auth/me', { config: { access: 'authenticated' }, schema: { tags, summary: '当前用户、权限、数据范围与 CSRF 令牌', response: { 200: me } } }, async (req) => presentMe(req.auth!));

  app.post('/auth/logout', { config: { access: 'authenticated' }, schema: { tags, summary: '退出登录', querystring: z.object({ everywhere: z.coerce.boolean().default(false) }) } }, async (req, reply) => {
    if (!req.auth!.sessionId) throw new AppError('VALIDATION', 'API 令牌没有会话可退出；请撤销令牌');
    await service.logout(db, req.ctx, req.auth!.sessionId, req.query.everywhere);
    clearCookies(reply);
    return reply.status(204).send();
  });

  app.post('/auth/password', { config: { access: 'authenticated' }, schema: { tags, summary: '修改自己的密码（其他会话随之退出）', body: changePasswordInput } }, async (req, reply) => {
    await service.changePassword(db, req.ctx, req.auth!.sessionId, req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });

  app.get('/auth/sessions', { config: { access: 'user' }, schema: { tags, summary: '我的会话', response: { 200: z.array(session) } } }, async (req) =>
    service.listSessions(db, req.auth!.userId, req.auth!.sessionId),
  );
  app.delete('/auth/sessions/:id', { config: { access: 'user' }, schema: { tags, summary: '结束我的某个会话', params: idParam } }, async (req, reply) => {
    await service.revokeSession(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get('/auth/tokens', { config: { access: 'user' }, schema: { tags, summary: '我的 API 令牌', response: { 200: z.array(apiToken) } } }, async (req) => service.listTokens(db, req.auth!.userId));
  app.post('/auth/tokens', { config: { access: 'user' }, schema: { tags, summary: '新建 API 令牌（明文只返回这一次）', body: tokenInput, response: { 201: createdToken } } }, async (req, reply) => {
    if (req.auth!.via === 'token') throw new AppError('FORBIDDEN', 'API 令牌不能再创建令牌');
    return reply.status(201).send(await service.createToken(db, req.ctx, req.body));
  });
  app.delete('/auth/tokens/:id', { config: { access: 'user' }, schema: { tags, summary: '撤销 API 令牌', params: idParam } }, async (req, reply) => {
    await service.revokeToken(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });
}

export const authFeature = routesFeature('auth', registerAuthRoutes);
