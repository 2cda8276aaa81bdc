import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { writeAudit } from '../audit.ts';
import { anonymousContext, type RequestContext } from '../context.ts';
import { ACTIONS, type Access, type Action } from '../access/actions.ts';
import type { Authenticated, Authenticator } from '../access/authenticated.ts';
import type { SessionPolicy } from '../access/session-policy.ts';

export const SESSION_COOKIE = 'xiezuo_session';
export const CSRF_COOKIE = 'xiezuo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: who may call it (see Access). Startup fails without it. */
    access?: Access;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    auth: Authenticated | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule and its body schema (tests walk these to find every reference field). */
    routeAccess: { method: string; url: string; access: Access; body?: unknown }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);


function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refusals already written to the audit here, so the error handler does not write them twice. */
export const auditedRefusals = new WeakSet<AppError>();

export async function deny(db: Db, req: FastifyRequest, err: AppError, action: string) {
  auditedRefusals.add(err);
  await writeAudit(db, req.ctx, { entity: 'access', entityId: null, action, after: { method: req.method, url: req.url.split('?')[0], code: err.code, message: err.message } });
  return err;
}

/**
 * Identifies the caller (session cookie or bearer API token), then enforces the route's rule:
 * login, CSRF on state-changing requests made with a session, forced password change, permission.
 * Data scope is enforced by the services with req.ctx.scope.
 */
export function installAccessControl(app: FastifyInstance, db: Db, policy: SessionPolicy, authenticator: Authenticator) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('auth', null);
  app.decorate('routeAccess', [] as FastifyInstance['routeAccess']);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    for (const method of [route.method].flat()) app.routeAccess.push({ method: String(method), url: route.url, access, body: route.schema?.body });
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = anonymousContext(req.ip);
    const access = req.routeOptions.config?.access;
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = req.cookies?.[SESSION_COOKIE];
    let expired = false;
    if (bearer) {
      req.auth = await authenticator.token(db, bearer);
      if (!req.auth) {
        throw await deny(db, req, new AppError('UNAUTHENTICATED', 'API 令牌无效、已撤销或已过期'), 'invalid_token');
      }
    } else if (cookie) {
      const found = await authenticator.session(db, cookie, policy);
      expired = found === 'expired';
      req.auth = found === 'expired' ? null : found;
    }
    if (req.auth) {
      req.ctx = { actor: { id: req.auth.userId, name: req.auth.username, orgId: req.auth.orgId }, ip: req.ip, scope: req.auth.scope, permissions: req.auth.permissions };
    }
    if (!access || access === 'public') return;
    if (!req.auth) {
      if (expired) throw await deny(db, req, new AppError('UNAUTHENTICATED', '会话已过期，请重新登录'), 'session_expired');
      throw new AppError('UNAUTHENTICATED', '请先登录');
    }
    if (req.auth.via === 'session' && UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.auth.csrfToken || !sameSecret(sent, req.auth.csrfToken)) {
        throw await deny(db, req, new AppError('FORBIDDEN', 'CSRF 校验失败：请求缺少有效的 X-CSRF-Token，请刷新页面后重试', [{ path: CSRF_HEADER, message: '缺失或不匹配' }]), 'csrf_failed');
      }
    }
    if (access === 'authenticated') return;
    if (req.auth.mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，须先修改密码');
    }
    if (access !== 'user' && !req.auth.permissions.has(access as Action)) {
      const why = req.auth.via === 'token' ? '该 API 令牌未被授予' : '您的角色没有';
      throw await deny(db, req, new AppError('FORBIDDEN', `没有权限：${why}「${ACTIONS[access as Action]}」（${access}）`), 'permission_denied');
    }
  });
}
