import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl, dbConfigFromEnv } from '../config.ts';
import { openDatabase } from './database.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-db-'));

describe('choosing and opening the database', () => {
  it('uses PGlite in ./data by default and PostgreSQL when DATABASE_URL is set', () => {
    expect(dbConfigFromEnv({})).toMatchObject({ engine: 'pglite', dataDir: path.resolve('data') });
    expect(dbConfigFromEnv({ XIEZUO_DATA_DIR: '/srv/x' })).toEqual({ engine: 'pglite', dataDir: '/srv/x' });
    expect(dbConfigFromEnv({ DATABASE_URL: 'postgres://u@h:5432/db' })).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it.each([
    ['not a url', '格式不正确'],
    ['mysql://root@localhost/db', '协议'],
    ['postgres://localhost', '数据库名'],
  ])('refuses a malformed DATABASE_URL %s with a clear message', (url, fragment) => {
    expect(() => checkDatabaseUrl(url)).toThrow(expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining(fragment) }));
  });

  it('names the cause when PostgreSQL is unreachable', async () => {
    await expect(openDatabase({ engine: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nothing' })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('连接被拒绝'),
    });
  });

  it('says the data folder is damaged instead of crashing', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'pgdata'));
    fs.writeFileSync(path.join(dir, 'pgdata', 'garbage'), 'not a database');
    await expect(openDatabase({ engine: 'pglite', dataDir: dir })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('损坏'),
    });
    expect(fs.existsSync(path.join(dir, 'xiezuo.lock'))).toBe(false);
  });

  it('refuses a second open of the same data folder while the first holds it', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'xiezuo.lock'), String(process.ppid));
    await expect(openDatabase({ engine: 'pglite', dataDir: dir })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining(String(process.ppid)),
    });
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'xiezuo.lock'), '999999999');
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'xiezuo.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(path.join(dir, 'xiezuo.lock'))).toBe(false);
  });
});
