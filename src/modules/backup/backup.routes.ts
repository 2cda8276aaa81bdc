import type { Feature, RouteDeps, TypedApp } from '../../platform/feature.ts';
import { backupItem, backupList } from './backup.contract.ts';
import { BackupScheduler, registerScheduler } from './backup.schedule.ts';
import { backupSettingsFromEnv } from './backup.settings.ts';

const tags = ['backup'];
// Backups hold every record: only the holder of user:write (the system administrator) lists or runs them.
const admin = { config: { access: 'user:write' as const } };

function registerBackupRoutes(app: TypedApp, scheduler: BackupScheduler) {
  app.get('/backups', { ...admin, schema: { tags, summary: '服务端备份列表（XIEZUO_BACKUP_DIR 中的备份文件）', response: { 200: backupList } } }, async () => ({
    enabled: !!scheduler.settings,
    running: scheduler.isRunning,
    items: await scheduler.list(),
  }));
  app.post('/backups', { ...admin, schema: { tags, summary: '立即备份一次（已有备份进行中时 409）', response: { 201: backupItem } } }, async (_req, reply) =>
    reply.status(201).send(await scheduler.runNow()),
  );
}

/**
 * Scheduled backups by the server itself (on PGlite the CLI cannot open the folder while the server
 * holds it): every XIEZUO_BACKUP_EVERY_HOURS into XIEZUO_BACKUP_DIR, the XIEZUO_BACKUP_KEEP newest kept.
 */
export const backupFeature: Feature = {
  name: 'backup',
  setup: (deps: RouteDeps) => {
    const scheduler = new BackupScheduler(deps.database, backupSettingsFromEnv(), deps.log);
    registerScheduler(deps.database, scheduler);
    return { routes: (app) => registerBackupRoutes(app, scheduler), start: () => scheduler.start() };
  },
};
