import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { lockHolder } from '../db/lock.ts';
import { readMigrations } from '../db/migrate.ts';

/** How long the database may take to answer before the server counts as not ready. */
const DATABASE_TIMEOUT_MS = 3_000;

export type Check = { ok: true } | { ok: false; reason: string };

function within<T>(ms: number, work: Promise<T>, late: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(late)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const failed = (reason: string): Check => ({ ok: false, reason });
const reasonOf = (err: unknown) => (err as Error)?.message || String(err);

async function databaseAnswers(database: Database): Promise<Check> {
  try {
    await within(DATABASE_TIMEOUT_MS, sql`select 1`.execute(database.db), `数据库 ${DATABASE_TIMEOUT_MS / 1000} 秒内没有应答`);
    return { ok: true };
  } catch (err) {
    return failed(`数据库不可用：${reasonOf(err)}`);
  }
}

async function migrationsCurrent(database: Database, latest: string | null): Promise<Check> {
  try {
    const row = await within(DATABASE_TIMEOUT_MS, sql<{ v: string | null }>`select max(version) as v from schema_migrations`.execute(database.db), '查询迁移版本超时');
    const applied = row.rows[0]?.v ?? null;
    return applied === latest ? { ok: true } : failed(`数据库迁移版本为 ${applied ?? '（无）'}，代码要求 ${latest ?? '（无）'}：请运行 xiezuo migrate 或重启服务`);
  } catch (err) {
    return failed(`无法读取迁移版本：${reasonOf(err)}`);
  }
}

/** PGlite's folder (location is its pgdata inside the data folder, database.ts) must still be locked by this process. */
function holdsLock(database: Database): Check | null {
  if (database.engine !== 'pglite' || database.location.startsWith('memory://')) return null;
  const dir = path.dirname(database.location);
  const holder = lockHolder(dir);
  if (holder === process.pid) return { ok: true };
  return failed(holder === null ? `数据目录 ${dir} 的锁文件不见了：另一个进程可能会打开同一目录` : `数据目录 ${dir} 的锁文件属于进程 ${holder}，不是本进程 ${process.pid}`);
}

/** Every readiness check by name; ready when all pass. */
export async function readiness(database: Database, latest = readMigrations().at(-1)?.version ?? null): Promise<Record<string, Check>> {
  const db = await databaseAnswers(database);
  const checks: Record<string, Check> = { database: db, migrations: db.ok ? await migrationsCurrent(database, latest) : failed('数据库不可用，无法检查迁移') };
  const lock = holdsLock(database);
  if (lock) checks.lock = lock;
  return checks;
}

/**
 * Probes at the root, public, outside the API: /healthz says the process answers (no database call,
 * for a liveness probe); /readyz that the database answers, its migrations are the code's and (PGlite)
 * this process holds the folder's lock — 503 with each failed check's reason otherwise.
 */
export function registerHealth(app: FastifyInstance, database: Database) {
  const latest = readMigrations().at(-1)?.version ?? null; // the code's level, read once: the files do not change under a running server
  const probe = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/healthz', probe, async () => ({ status: 'ok', checks: { process: { ok: true } } }));
  app.get('/readyz', probe, async (_req, reply) => {
    const checks = await readiness(database, latest);
    const ready = Object.values(checks).every((c) => c.ok);
    reply.header('cache-control', 'no-store');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
  });
}
