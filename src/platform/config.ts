import path from 'node:path';
import { AppError } from './errors.ts';

/** A streaming replica that lists, dashboards and exports read from (DATABASE_READ_URL). */
export interface ReadReplicaConfig {
  url: string;
  /** Beyond this replay lag (XIEZUO_READ_MAX_LAG_SECONDS) reads go to the primary. */
  maxLagSeconds: number;
  /** How often the lag is checked (1 s unless a test asks otherwise). */
  checkIntervalMs?: number;
}

export type DbConfig =
  | { engine: 'postgres'; url: string; replica?: ReadReplicaConfig }
  | { engine: 'pglite'; dataDir: string };

export interface AppConfig {
  port: number;
  host: string;
  db: DbConfig;
}

/**
 * Reads DATABASE_URL, DATABASE_READ_URL, XIEZUO_READ_MAX_LAG_SECONDS and XIEZUO_DATA_DIR; a malformed
 * URL is refused here, before any connection.
 */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  const readUrl = env.DATABASE_READ_URL?.trim();
  if (url) {
    const primary = checkDatabaseUrl(url);
    if (!readUrl) return { engine: 'postgres', url: primary };
    return { engine: 'postgres', url: primary, replica: { url: checkDatabaseUrl(readUrl, 'DATABASE_READ_URL'), maxLagSeconds: maxLagFromEnv(env) } };
  }
  if (readUrl) {
    // A replica streams from a PostgreSQL primary; the embedded PGlite has none to stream from.
    throw new AppError('CONFIG', 'DATABASE_READ_URL 只能与 PostgreSQL 主库一起使用：请同时设置 DATABASE_URL，或去掉 DATABASE_READ_URL 以使用嵌入式数据库', [
      { path: 'DATABASE_READ_URL', message: '嵌入式数据库（PGlite）不支持只读副本' },
    ]);
  }
  return { engine: 'pglite', dataDir: path.resolve(env.XIEZUO_DATA_DIR || 'data') };
}

function maxLagFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.XIEZUO_READ_MAX_LAG_SECONDS?.trim();
  if (!raw) return 5;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new AppError('CONFIG', `XIEZUO_READ_MAX_LAG_SECONDS 必须是 0 到 3600 之间的秒数（不含 0），而不是「${raw}」`, [
      { path: 'XIEZUO_READ_MAX_LAG_SECONDS', message: '秒数无效' },
    ]);
  }
  return seconds;
}

/** A PostgreSQL URL, checked before any connection; `name` is the variable it came from, for the message. */
export function checkDatabaseUrl(url: string, name = 'DATABASE_URL'): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('CONFIG', `${name} 格式不正确：应为 postgres://用户[:密码]@主机[:端口]/数据库`, [
      { path: name, message: '不是有效的 URL' },
    ]);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AppError('CONFIG', `${name} 的协议必须是 postgres:// 或 postgresql://，而不是 ${parsed.protocol}//`, [
      { path: name, message: '协议不受支持' },
    ]);
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    throw new AppError('CONFIG', `${name} 缺少主机名或数据库名：应为 postgres://用户@主机:端口/数据库`, [
      { path: name, message: '缺少主机名或数据库名' },
    ]);
  }
  return url;
}

export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG', `PORT 必须是 0 到 65535 之间的整数，而不是「${env.PORT}」`, [{ path: 'PORT', message: '端口无效' }]);
  }
  return { port, host: env.HOST ?? '0.0.0.0', db: dbConfigFromEnv(env) };
}
