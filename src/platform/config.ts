import path from 'node:path';
import { AppError } from './errors.ts';

export type DbConfig =
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string };

export interface AppConfig {
  port: number;
  host: string;
  db: DbConfig;
}

/** Reads DATABASE_URL and XIEZUO_DATA_DIR; a malformed URL is refused here, before any connection. */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { engine: 'postgres', url: checkDatabaseUrl(url) };
  return { engine: 'pglite', dataDir: path.resolve(env.XIEZUO_DATA_DIR || 'data') };
}

export function checkDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('CONFIG', 'DATABASE_URL 格式不正确：应为 postgres://用户[:密码]@主机[:端口]/数据库', [
      { path: 'DATABASE_URL', message: '不是有效的 URL' },
    ]);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AppError('CONFIG', `DATABASE_URL 的协议必须是 postgres:// 或 postgresql://，而不是 ${parsed.protocol}//`, [
      { path: 'DATABASE_URL', message: '协议不受支持' },
    ]);
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    throw new AppError('CONFIG', 'DATABASE_URL 缺少主机名或数据库名：应为 postgres://用户@主机:端口/数据库', [
      { path: 'DATABASE_URL', message: '缺少主机名或数据库名' },
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
