import { z } from 'zod';
import type { RouteDeps, TypedApp } from '../../platform/http/server.ts';
import { regionCount } from '../regions/regions.repository.ts';

const health = z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), demo: z.boolean(), regions: z.number().int(), version: z.string() });

export function registerSystemRoutes(app: TypedApp, deps: RouteDeps) {
  app.get('/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '运行状态', response: { 200: health } } }, async () => ({
    status: 'ok' as const,
    engine: deps.database.engine,
    demo: deps.demo,
    regions: await regionCount(deps.db),
    version: '0.1.0',
  }));
}
