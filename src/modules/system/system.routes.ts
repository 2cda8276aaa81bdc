import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { regionCount } from '../regions/regions.repository.ts';
import { health } from './system.contract.ts';
import { backupHealth } from '../backup/backup.schedule.ts';


export function registerSystemRoutes(app: TypedApp, deps: RouteDeps) {
  app.get('/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '运行状态', response: { 200: health } } }, async () => ({
    status: 'ok' as const,
    engine: deps.database.engine,
    demo: deps.demo,
    regions: await regionCount(deps.db),
    version: '0.1.0',
    backup: backupHealth(deps.database),
  }));
}

export const systemFeature = routesFeature('system', registerSystemRoutes);
