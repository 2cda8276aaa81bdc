import type { RouteDeps, TypedApp } from '../../platform/http/server.ts';
import { regionCount } from '../regions/regions.repository.ts';
import { health } from './system.contract.ts';


export function registerSystemRoutes(app: TypedApp, deps: RouteDeps) {
  app.get('/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '运行状态', response: { 200: health } } }, async () => ({
    status: 'ok' as const,
    engine: deps.database.engine,
    demo: deps.demo,
    regions: await regionCount(deps.db),
    version: '0.1.0',
  }));
}
