import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { DbConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { acquireDirLock } from './lock.ts';
import { resilientPool } from './pool.ts';
import { initPgliteDir } from './pglite-init.ts';
import { pgliteCopier, postgresCopier, registerCopier } from './copy.ts';
import { openReplica, type Replica } from './replica.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Queryable = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  /** The streaming replica reads may use (DATABASE_READ_URL), PostgreSQL only. */
  replica?: Replica;
  close(): Promise<void>;
}

// Same result types on both engines: int8 as number (fen fits in 2^53), dates as ISO strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new AppError('INTERNAL', `整数超出安全范围：${v}`);
  return n;
});
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export async function openDatabase(config: DbConfig): Promise<Database> {
  if (config.engine === 'pglite') return openPglite(config.dataDir);
  const database = await openPostgres(config.url);
  if (!config.replica) return database;
  const replica = openReplica(database.db, config.replica, redact(config.replica.url));
  return { ...database, replica, close: () => replica.close().finally(database.close) };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = resilientPool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  const location = redact(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new AppError('DATABASE_UNAVAILABLE', `无法连接 PostgreSQL（${location}）：${describePgError(err)}`, [
      { path: 'DATABASE_URL', message: describePgError(err) },
    ]);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  registerCopier(db, postgresCopier(pool));
  return { db, engine: 'postgres', location, close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  const release = memory ? () => {} : acquireDirLock(dataDir);
  const pgdata = memory ? dataDir : path.join(dataDir, 'pgdata');
  let pglite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    if (!memory && fs.existsSync(pgdata) && !fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
      throw new Error('缺少 PG_VERSION 文件');
    }
    if (!memory) await initPgliteDir(pgdata);
    pglite = await PGlite.create(pgdata);
    await pglite.query('select 1');
  } catch (err) {
    release();
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `无法打开嵌入式数据库 ${pgdata}：数据目录可能已损坏（${(err as Error).message}）。请从备份恢复，或移走该目录后重新启动以初始化。`,
      [{ path: 'XIEZUO_DATA_DIR', message: '数据目录无法打开' }],
    );
  }
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  registerCopier(db, pgliteCopier(pool, pglite));
  return {
    db,
    engine: 'pglite',
    location: pgdata,
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

function describePgError(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return '连接被拒绝（服务器未运行或端口不对）';
    case 'ENOTFOUND':
      return '找不到主机';
    case 'ETIMEDOUT':
      return '连接超时';
    case '3D000':
      return '数据库不存在';
    case '28P01':
    case '28000':
      return '认证失败（用户名或密码错误）';
    default:
      return e.message || String(err);
  }
}

/** Run work in one transaction; on PGlite every query inside must use the given trx. */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

export { sql };
