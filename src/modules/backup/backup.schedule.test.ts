import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { backupName, listBackups, pruneBackups } from './backup.files.ts';
import { backupSettingsFromEnv } from './backup.settings.ts';
import { readVerifiedBackup } from './backup.restore.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_backup-sched-`));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
process.env.XIEZUO_BACKUP_DIR = dir; // read by the backup feature when useTestApp builds the server
process.env.XIEZUO_BACKUP_KEEP = '2';
const t = useTestApp();

describe('scheduled backups', () => {
  it('keeps the N newest, removes the rest and any .partial left by a crash', async () => {
    const keepDir = fs.mkdtempSync(path.join(dir, 'keep-'));
    const names = Array.from({ length: 9 }, (_, i) => backupName(new Date(Date.UTC(2026, 0, 1 + i, 3))));
    for (const n of names) fs.writeFileSync(path.join(keepDir, n), 'x');
    fs.writeFileSync(path.join(keepDir, `${backupName(new Date())}.partial`), 'x');
    fs.writeFileSync(path.join(keepDir, 'notes.txt'), 'not a backup');
    await pruneBackups(keepDir, 3);
    expect((await listBackups(keepDir)).map((b) => b.file)).toEqual(names.slice(-3).reverse());
    expect(fs.readdirSync(keepDir).sort()).toEqual([...names.slice(-3), 'notes.txt'].sort());
  });

  it('reads its settings from the environment, refusing bad values by name', () => {
    expect(backupSettingsFromEnv({})).toBeNull();
    expect(backupSettingsFromEnv({ XIEZUO_BACKUP_DIR: '/b' })).toEqual({ dir: '/b', everyHours: 24, keep: 7 });
    expect(() => backupSettingsFromEnv({ XIEZUO_BACKUP_DIR: '/b', XIEZUO_BACKUP_KEEP: '0' })).toThrow(/XIEZUO_BACKUP_KEEP 必须是/);
    expect(() => backupSettingsFromEnv({ XIEZUO_BACKUP_DIR: '/b', XIEZUO_BACKUP_EVERY_HOURS: 'daily' })).toThrow(/XIEZUO_BACKUP_EVERY_HOURS 必须是/);
  });

  it('runs one now for an administrator (409 while one runs), lists it, keeps N, and health reports it', async () => {
    const health0 = await t.call('GET', '/api/v1/health', undefined, null);
    expect(health0.body.backup).toMatchObject({ enabled: true, lastAt: null, lastError: null });
    const first = t.call('POST', '/api/v1/backups');
    const partial = () => fs.readdirSync(dir).some((n) => n.endsWith('.partial'));
    while (!partial()) await new Promise((r) => setTimeout(r, 5)); // the first is writing its file
    const second = await t.call('POST', '/api/v1/backups');
    expect(second.status).toBe(409);
    expect((await first).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 1100)); // names carry the second
      expect((await t.call('POST', '/api/v1/backups')).status).toBe(201);
    }
    const list = await t.call('GET', '/api/v1/backups');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const newest = list.body.items[0];
    expect(newest.bytes).toBe(fs.statSync(path.join(dir, newest.file)).size);
    await readVerifiedBackup(path.join(dir, newest.file));
    const health = await t.call('GET', '/api/v1/health', undefined, null);
    expect(health.body.backup).toMatchObject({ enabled: true, file: newest.file, bytes: newest.bytes, lastError: null });
    const reader = await t.userWith({ roles: ['reader'] });
    expect((await t.call('GET', '/api/v1/backups', undefined, reader.caller)).status).toBe(403);
  });
});
