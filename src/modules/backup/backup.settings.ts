import path from 'node:path';
import { AppError } from '../../platform/errors.ts';

export interface BackupSettings {
  dir: string;
  everyHours: number;
  keep: number;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!check(n)) throw new AppError('CONFIG', `${name} 必须是${rule}，而不是「${raw}」`, [{ path: name, message: rule }]);
  return n;
}

/** XIEZUO_BACKUP_DIR (unset: no scheduled backups), XIEZUO_BACKUP_EVERY_HOURS (24), XIEZUO_BACKUP_KEEP (7). */
export function backupSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSettings | null {
  const dir = env.XIEZUO_BACKUP_DIR?.trim();
  if (!dir) return null;
  return {
    dir: path.resolve(dir),
    everyHours: numberFrom(env, 'XIEZUO_BACKUP_EVERY_HOURS', 24, (n) => Number.isFinite(n) && n > 0 && n <= 24 * 366, '大于 0、不超过 8784 的小时数'),
    keep: numberFrom(env, 'XIEZUO_BACKUP_KEEP', 7, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, '1 到 1000 之间的整数'),
  };
}
