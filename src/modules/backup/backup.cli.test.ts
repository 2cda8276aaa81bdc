import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acquireDirLock } from '../../platform/db/lock.ts';

const run = promisify(execFile);

describe('xiezuo backup while the server holds the embedded database', () => {
  it('says to back up through the server instead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_${Date.now()}-locked-`));
    const release = acquireDirLock(dir); // as a running server holds it
    try {
      const { DATABASE_URL: _u, ...env } = process.env;
      const err = await run('node', ['bin/xiezuo.mjs', 'backup', path.join(dir, 'b.xzbak')], { env: { ...env, XIEZUO_DATA_DIR: dir }, cwd: process.cwd() }).catch((e) => e);
      expect(err.code).toBe(1);
      expect(err.stderr).toMatch(/正被进程 \d+ 使用/);
      expect(err.stderr).toMatch(/XIEZUO_BACKUP_DIR.*POST \/api\/v1\/backups/);
      expect(fs.existsSync(path.join(dir, 'b.xzbak.partial'))).toBe(false);
    } finally {
      release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
