import { appConfigFromEnv } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { prepareDatabase } from '../app/prepare.ts';
import { buildApp } from '../app/server.ts';
import { loadDemoData } from '../app/demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/demo.data.ts';
import { ensureFirstAdmin } from './users.ts';

const log = (m: string) => process.stdout.write(`${m}\n`);

/** `xiezuo serve`: prepares the database (and demo data with --demo), then serves API and web UI. */
export async function serve(opts: { demo: boolean; port?: number }): Promise<number> {
  const config = appConfigFromEnv();
  const port = opts.port ?? config.port;
  const database = await openDatabase(config.db);
  try {
    log(`数据库：${database.engine === 'pglite' ? '嵌入式 PGlite' : 'PostgreSQL'}（${database.location}）`);
    await prepareDatabase(database.db, log);
    if (opts.demo) {
      await loadDemoData(database.db, log);
      const isDemo = await database.db.selectFrom('users').select('id').where('is_demo', '=', true).executeTakeFirst();
      if (isDemo) {
        log(`\n演示模式（仅演示数据库）——演示账号，密码均为 ${DEMO_PASSWORD}：`);
        for (const u of DEMO_USERS) log(`  ${u.username.padEnd(12)} ${u.displayName}`);
        log('');
      }
    }
    await ensureFirstAdmin(database.db, log);
    const app = await buildApp({ database, logger: process.env.XIEZUO_LOG === '1', demo: opts.demo });
    await app.listen({ port, host: config.host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    log(`协作 Xiezuo 已启动：http://localhost:${actualPort}/  （API 文档：http://localhost:${actualPort}/api/docs）`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    log('正在停止…');
    await app.close();
    return 0;
  } finally {
    await database.close();
  }
}
