import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App, Feature, RouteDeps, Stop } from '../feature.ts';
import type { Authenticator } from '../access/authenticated.ts';
import { sessionPolicyFromEnv, type SessionPolicy } from '../access/session-policy.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { errorBodyOf, makeErrorHandler } from './errors.ts';
import { installAccessControl } from './access.ts';
import { acceptFileUploads } from './files.ts';
import { refuseControlCharacters } from './input.ts';
import { compressResponses, isAssetPath, serveWeb } from './delivery.ts';
import { echoRequestId, serverLogging } from './logging.ts';
import { registerHealth } from './health.ts';
import { routeReads } from './reads.ts';
import type { Logger } from 'pino';

z.config(z.locales.zhCN());

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export type { App, TypedApp, RouteDeps } from '../feature.ts';

export interface ServerOptions {
  database: Database;
  /** The features to serve, in order (the composition root's list). */
  features: Feature[];
  /** How callers are recognised (the accounts feature's sessions and tokens). */
  authenticator: Authenticator;
  /** A pino logger (serve), true for one at XIEZUO_LOG_LEVEL on stdout; none by default (tests stay silent). */
  logger?: boolean | Logger;
  /** Serve the built web app from here; skipped when the folder has no index.html. */
  webDist?: string;
  demo?: boolean;
  sessionPolicy?: SessionPolicy;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy); XIEZUO_TRUST_PROXY=1. */
  trustProxy?: boolean;
  /** Mark cookies Secure (behind HTTPS); XIEZUO_COOKIE_SECURE=1. */
  secureCookies?: boolean;
}

export async function buildServer(opts: ServerOptions): Promise<App> {
  // trustProxy: behind the operator's reverse proxy (XIEZUO_TRUST_PROXY=1) the client's address is X-Forwarded-For's, for throttling and the audit log
  const app = Fastify({ ...serverLogging(opts.logger), bodyLimit: 20 * 1024 * 1024, trustProxy: opts.trustProxy ?? process.env.XIEZUO_TRUST_PROXY === '1' });
  echoRequestId(app); // first: a request refused by a later hook still carries its id
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(makeErrorHandler(opts.database.db));
  const sessionPolicy = opts.sessionPolicy ?? sessionPolicyFromEnv();
  await app.register(import('@fastify/cookie'));
  await compressResponses(app); // before any route: its hook is added to each route as it is registered
  installAccessControl(app, opts.database.db, sessionPolicy, opts.authenticator);
  acceptFileUploads(app);
  registerHealth(app, opts.database); // /healthz and /readyz at the root, for probes
  refuseControlCharacters(app); // every route: NUL and other control characters in params, query and JSON body → 400

  await app.register(import('@fastify/swagger'), {
    openapi: {
      info: {
        title: 'Xiezuo 协作 API',
        version: '1',
        description:
          '东西部协作与对口支援工作平台的 REST 接口。错误体：{ code, message, issues[], requestId }（requestId 即响应头 X-Request-Id）。认证：会话 Cookie（POST /api/v1/auth/login；修改类请求须带 X-CSRF-Token 头）或 Authorization: Bearer <API 令牌>。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(import('@fastify/swagger-ui'), { routePrefix: '/api/docs' });

  const deps: RouteDeps = {
    db: opts.database.db,
    read: routeReads(app, opts.database, { info: (m) => app.log.info(m), error: (m) => app.log.error(m) }),
    database: opts.database,
    demo: !!opts.demo,
    sessionPolicy,
    secureCookies: opts.secureCookies ?? process.env.XIEZUO_COOKIE_SECURE === '1',
    log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
  };
  const parts = opts.features.map((f) => ({ name: f.name, ...f.setup(deps) }));
  // Lifecycle: each feature's work starts when the server is ready, in list order, and stops in reverse.
  const stops: { name: string; stop: Stop }[] = [];
  app.addHook('onReady', async () => {
    for (const p of parts) {
      const stop = await p.start?.();
      if (stop) stops.push({ name: p.name, stop });
    }
  });
  app.addHook('onClose', async () => {
    for (const { name, stop } of stops.reverse()) await Promise.resolve(stop()).catch((e) => app.log.error(`${name} stop: ${(e as Error).message}`));
  });
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      for (const p of parts) p.routes?.(typed);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await serveWeb(app, webDist);
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || isAssetPath(req.url) || !hasWeb || req.method !== 'GET') {
      const what = isAssetPath(req.url) ? '文件' : '接口';
      const e = new AppError('NOT_FOUND', `没有这个${what}：${req.method} ${req.url.split('?')[0]}`);
      return reply.status(404).send(errorBodyOf(e, req));
    }
    return reply.type('text/html').sendFile('index.html'); // client-side routes (no-cache, precompressed like the files)
  });
  return app;
}

