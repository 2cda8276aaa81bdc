import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_EXTENSION } from './backup.format.ts';

const NAME = /^xiezuo-backup-(\d{8}T\d{6}Z)\.xzbak$/;

export interface BackupListing {
  file: string;
  bytes: number;
  time: string;
}

/** A scheduled backup's name: its UTC time, so names sort as times do (xiezuo-backup-20261208T012200Z.xzbak). */
export function backupName(at: Date): string {
  return `xiezuo-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}${BACKUP_EXTENSION}`;
}

/** The folder's complete backups, newest first (a .partial is never listed). */
export async function listBackups(dir: string): Promise<BackupListing[]> {
  const names = fs.existsSync(dir) ? (await fsp.readdir(dir)).filter((n) => NAME.test(n)).sort().reverse() : [];
  const out: BackupListing[] = [];
  for (const name of names) {
    const stat = await fsp.stat(path.join(dir, name)).catch(() => null);
    if (stat?.isFile()) out.push({ file: name, bytes: stat.size, time: stat.mtime.toISOString() });
  }
  return out;
}

/** Keeps the `keep` newest backups and removes the rest, and any .partial a crash left behind (none is being written). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const removed: string[] = [];
  for (const b of (await listBackups(dir)).slice(keep)) {
    await fsp.rm(path.join(dir, b.file), { force: true });
    removed.push(b.file);
  }
  for (const name of fs.existsSync(dir) ? await fsp.readdir(dir) : []) {
    if (name.endsWith('.partial') && NAME.test(name.slice(0, -'.partial'.length))) {
      await fsp.rm(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
