import path from 'node:path';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Stop } from '../../platform/feature.ts';
import { backupName, listBackups, pruneBackups, type BackupListing } from './backup.files.ts';
import type { BackupSettings } from './backup.settings.ts';
import { backupToFile } from './backup.writer.ts';

export interface BackupHealth {
  enabled: boolean;
  lastAt: string | null;
  file: string | null;
  bytes: number | null;
  lastError: string | null;
}

/** Time from start to the first scheduled backup: the server is up and answering before it runs. */
export const FIRST_BACKUP_DELAY_MS = 60_000;

/** The server's backups: scheduled, or run now by an administrator; one at a time. */
export class BackupScheduler {
  private running: Promise<BackupListing> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  readonly health: BackupHealth;

  constructor(
    private readonly database: Database,
    readonly settings: BackupSettings | null,
    private readonly log: { info(msg: string): void; error(msg: string): void },
  ) {
    this.health = { enabled: !!settings, lastAt: null, file: null, bytes: null, lastError: null };
  }

  get isRunning() {
    return !!this.running;
  }

  async list(): Promise<BackupListing[]> {
    return this.settings ? listBackups(this.settings.dir) : [];
  }

  /** One backup now, then the retention; 409 while another runs. */
  runNow(): Promise<BackupListing> {
    const settings = this.settings;
    if (!settings) throw new AppError('UNAVAILABLE', '服务端备份未启用：请设置环境变量 XIEZUO_BACKUP_DIR（备份目录）后重启服务', [{ path: 'XIEZUO_BACKUP_DIR', message: '未设置' }]);
    if (this.running) throw new AppError('CONFLICT', '已有一次备份正在进行，请等它完成后再试');
    this.running = this.backup(settings).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async backup(settings: BackupSettings): Promise<BackupListing> {
    const at = new Date();
    try {
      const result = await backupToFile(this.database, path.join(settings.dir, backupName(at)));
      Object.assign(this.health, { lastAt: at.toISOString(), file: path.basename(result.file), bytes: result.bytes, lastError: null });
      const removed = await pruneBackups(settings.dir, settings.keep);
      this.log.info(`已备份到 ${result.file}（${result.bytes} 字节，用时 ${result.ms} ms）${removed.length ? `；按保留 ${settings.keep} 份删除 ${removed.join('、')}` : ''}`);
      return { file: path.basename(result.file), bytes: result.bytes, time: at.toISOString() };
    } catch (err) {
      this.health.lastError = (err as Error).message;
      this.log.error(`备份失败：${(err as Error).message}`);
      throw err;
    }
  }

  /** Starts the schedule: the newest backup already there counts as the last one; the first new one runs shortly after start. */
  async start(): Promise<Stop | void> {
    const settings = this.settings;
    if (!settings) return;
    const [newest] = await listBackups(settings.dir);
    if (newest) Object.assign(this.health, { lastAt: newest.time, file: newest.file, bytes: newest.bytes });
    await pruneBackups(settings.dir, settings.keep);
    const every = settings.everyHours * 3_600_000;
    const tick = (delay: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        void (this.running ?? this.runNow()).catch(() => {}).finally(() => tick(every)); // a failure is in health.lastError and the log
      }, delay);
      this.timer.unref();
    };
    tick(FIRST_BACKUP_DELAY_MS);
    return async () => {
      this.stopped = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.running?.catch(() => {}); // the database closes after this: let a backup under way finish first
    };
  }
}

const schedulers = new WeakMap<Database, BackupScheduler>();

export function registerScheduler(database: Database, scheduler: BackupScheduler) {
  schedulers.set(database, scheduler);
}

/** What /health reports: disabled where no backup feature serves this database. */
export function backupHealth(database: Database): BackupHealth {
  return { ...(schedulers.get(database)?.health ?? { enabled: false, lastAt: null, file: null, bytes: null, lastError: null }) };
}
