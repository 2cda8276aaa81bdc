import type { Logger } from 'pino';
import { appConfigFromEnv } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/http/logging.ts';
import { prepareDatabase } from '../app/prepare.ts';
import { buildApp } from '../app/server.ts';
import { loadDemoData } from '../app/demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/demo.data.ts';
import { ensureFirstAdmin } from './users.ts';

const DEFAULT_SHUTDOWN_MS = 25_000;

/** XIEZUO_SHUTDOWN_TIMEOUT_MS: how long a shutdown may take before the process is made to exit (default 25 s, under Kubernetes' 30). */
export function shutdownTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.XIEZUO_SHUTDOWN_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_SHUTDOWN_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new AppError('CONFIG', `XIEZUO_SHUTDOWN_TIMEOUT_MS 应为不小于 0 的整数（毫秒），而不是「${raw}」`, [{ path: 'XIEZUO_SHUTDOWN_TIMEOUT_MS', message: '停止超时无效' }]);
  }
  return ms;
}

/**
 * The first SIGTERM or SIGINT resolves the promise (a graceful stop); a second one, or the stop
 * outlasting `timeoutMs`, ends the process at once with 1. Installed before startup, so a signal
 * during the migrations still stops the server once it is up rather than killing it mid-way.
 */
function stopSignals(logger: Logger, timeoutMs: number): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      received++;
      if (received > 1) {
        logger.fatal({ signal }, '再次收到停止信号：立即退出');
        process.exit(1);
      }
      setTimeout(() => {
        logger.fatal({ timeoutMs }, `停止超过 ${timeoutMs} 毫秒：强制退出`);
        process.exit(1);
      }, timeoutMs).unref(); // unref: a stop that finishes in time exits on its own
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/** A crash is logged as one JSON line before the process ends; the next start recovers (stale lock, interrupted imports). */
function logCrashes(logger: Logger) {
  const crash = (what: string) => (err: unknown) => {
    logger.fatal({ err }, `${what}：进程退出`);
    process.exit(1);
  };
  process.on('uncaughtException', crash('未捕获的异常'));
  process.on('unhandledRejection', crash('未处理的 Promise 拒绝'));
}

/**
 * `xiezuo serve`: prepares the database (and demo data with --demo), then serves API and web UI,
 * logging JSON lines (pino) to stdout. SIGTERM/SIGINT: stop accepting, finish the requests in flight,
 * stop the background work (a running import is marked interrupted), close the database (which
 * releases the embedded folder's lock) and exit 0.
 */
export async function serve(opts: { demo: boolean; port?: number }): Promise<number> {
  const config = appConfigFromEnv();
  const port = opts.port ?? config.port;
  const logger = createLogger();
  const log = (m: string) => logger.info(m);
  logCrashes(logger);
  const stopped = stopSignals(logger, shutdownTimeoutFromEnv());
  const database = await openDatabase(config.db);
  try {
    log(`数据库：${database.engine === 'pglite' ? '嵌入式 PGlite' : 'PostgreSQL'}（${database.location}）`);
    await prepareDatabase(database.db, log);
    if (opts.demo) {
      await loadDemoData(database.db, log);
      const isDemo = await database.db.selectFrom('users').select('id').where('is_demo', '=', true).executeTakeFirst();
      if (isDemo) {
        log(`演示模式（仅演示数据库）——演示账号，密码均为 ${DEMO_PASSWORD}：`);
        for (const u of DEMO_USERS) log(`  ${u.username.padEnd(12)} ${u.displayName}`);
      }
    }
    await ensureFirstAdmin(database.db, log);
    const app = await buildApp({ database, logger, demo: opts.demo });
    await app.listen({ port, host: config.host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    logger.info({ port: actualPort, pid: process.pid }, `协作 Xiezuo 已启动：http://localhost:${actualPort}/  （API 文档：http://localhost:${actualPort}/api/docs）`);
    const signal = await stopped;
    logger.info({ signal }, '正在停止：不再接受新请求，等待进行中的请求完成…');
    await app.close(); // in-flight requests first, then each feature's stop (imports marked interrupted)
    return 0;
  } finally {
    await database.close(); // PGlite: the folder's lock file is removed
    logger.info('已停止');
  }
}
