import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { makeErrorHandler } from './errors.ts';
import { installAccessControl } from './access.ts';
import { acceptFileUploads } from './files.ts';
import { refuseControlCharacters } from './input.ts';
import { sessionPolicyFromEnv, type SessionPolicy } from '../../modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../../modules/auth/auth.routes.ts';
import { registerUserRoutes } from '../../modules/users/users.routes.ts';
import { registerAuditRoutes } from '../../modules/audit/audit.routes.ts';
import { registerIatiRoutes } from '../../modules/iati/iati.routes.ts';
import { registerProjectRoutes } from '../../modules/projects/projects.routes.ts';
import { registerFundRoutes } from '../../modules/funds/funds.routes.ts';
import { registerMonitoringRoutes } from '../../modules/monitoring/monitoring.routes.ts';
import { registerPersonnelRoutes } from '../../modules/personnel/personnel.routes.ts';
import { registerLaborRoutes } from '../../modules/labor/labor.routes.ts';
import { registerActivityRoutes } from '../../modules/activities/activities.routes.ts';
import { registerDonationRoutes } from '../../modules/donations/donations.routes.ts';
import { registerTrainingRoutes } from '../../modules/training/training.routes.ts';
import { registerSupplierRoutes } from '../../modules/suppliers/suppliers.routes.ts';
import { registerProductRoutes } from '../../modules/products/products.routes.ts';
import { registerSalesRoutes } from '../../modules/sales/sales.routes.ts';
import { registerBulletinRoutes } from '../../modules/bulletins/bulletins.routes.ts';
import { registerEditionRoutes } from '../../modules/editions/editions.routes.ts';
import { registerClaimRoutes } from '../../modules/claims/claims.routes.ts';
import { registerRegionRoutes } from '../../modules/regions/regions.routes.ts';
import { registerOrgRoutes } from '../../modules/orgs/orgs.routes.ts';
import { registerPairingRoutes } from '../../modules/pairings/pairings.routes.ts';
import { registerSystemRoutes } from '../../modules/system/system.routes.ts';

z.config(z.locales.zhCN());

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface ServerOptions {
  database: Database;
  logger?: boolean;
  /** Serve the built web app from here; skipped when the folder has no index.html. */
  webDist?: string;
  demo?: boolean;
  sessionPolicy?: SessionPolicy;
  /** Mark cookies Secure (behind HTTPS); XIEZUO_COOKIE_SECURE=1. */
  secureCookies?: boolean;
}

export async function buildServer(opts: ServerOptions): Promise<App> {
  const app = Fastify({ logger: opts.logger ? { level: 'info' } : false, bodyLimit: 20 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(makeErrorHandler(opts.database.db));
  const sessionPolicy = opts.sessionPolicy ?? sessionPolicyFromEnv();
  await app.register(import('@fastify/cookie'));
  installAccessControl(app, opts.database.db, sessionPolicy);
  acceptFileUploads(app);
  refuseControlCharacters(app); // every route: NUL and other control characters in params, query and JSON body → 400

  await app.register(import('@fastify/swagger'), {
    openapi: {
      info: {
        title: 'Xiezuo 协作 API',
        version: '1',
        description:
          '东西部协作与对口支援工作平台的 REST 接口。错误体：{ code, message, issues[] }。认证：会话 Cookie（POST /api/v1/auth/login；修改类请求须带 X-CSRF-Token 头）或 Authorization: Bearer <API 令牌>。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(import('@fastify/swagger-ui'), { routePrefix: '/api/docs' });

  const deps: RouteDeps = {
    db: opts.database.db,
    database: opts.database,
    demo: !!opts.demo,
    sessionPolicy,
    secureCookies: opts.secureCookies ?? process.env.XIEZUO_COOKIE_SECURE === '1',
  };
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      registerSystemRoutes(typed, deps);
      registerRegionRoutes(typed, deps);
      registerOrgRoutes(typed, deps);
      registerPairingRoutes(typed, deps);
      registerAuthRoutes(typed, deps);
      registerUserRoutes(typed, deps);
      registerAuditRoutes(typed, deps);
      registerIatiRoutes(typed, deps);
      registerProjectRoutes(typed, deps);
      registerFundRoutes(typed, deps);
      registerMonitoringRoutes(typed, deps);
      registerPersonnelRoutes(typed, deps);
      registerLaborRoutes(typed, deps);
      registerActivityRoutes(typed, deps);
      registerDonationRoutes(typed, deps);
      registerTrainingRoutes(typed, deps);
      registerSupplierRoutes(typed, deps);
      registerProductRoutes(typed, deps);
      registerSalesRoutes(typed, deps);
      registerBulletinRoutes(typed, deps);
      registerEditionRoutes(typed, deps);
      registerClaimRoutes(typed, deps);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(import('@fastify/static'), { root: webDist, prefix: '/' }); // wildcard: files are found at request time, so a rebuild needs no restart
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      const e = new AppError('NOT_FOUND', `没有这个接口：${req.method} ${req.url.split('?')[0]}`);
      return reply.status(404).send(e.toJSON());
    }
    return reply.type('text/html').sendFile('index.html'); // client-side routes
  });
  return app;
}

export interface RouteDeps {
  db: Database['db'];
  database: Database;
  demo: boolean;
  sessionPolicy: SessionPolicy;
  secureCookies: boolean;
}
