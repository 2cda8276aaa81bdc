import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** PGlite does not lock its folder and two processes would corrupt it: take a PID lock file. */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFileOf(dir);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new AppError(
        'DATABASE_UNAVAILABLE',
        `数据目录 ${dir} 正被进程 ${holder} 使用（另一个 xiezuo 服务或命令）。请先停止它，或通过服务的 API 操作。`,
        [{ path: 'XIEZUO_DATA_DIR', message: '数据目录已被占用' }],
      );
    }
    fs.writeFileSync(file, String(process.pid)); // stale lock of a dead process
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

export const lockFileOf = (dir: string) => path.join(dir, 'xiezuo.lock');

/** The process id the folder's lock file names, or null when there is none (readiness checks it is this process). */
export function lockHolder(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFileOf(dir), 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process of this pid exists (EPERM: it does, owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
