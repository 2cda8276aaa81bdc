import path from 'node:path';
import { appConfigFromEnv, checkDatabaseUrl, dbConfigFromEnv, type DbConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { prepareDatabase } from '../app/prepare.ts';
import { backupToFile } from '../modules/backup/backup.writer.ts';
import { copyDatabase, readVerifiedBackup, restoreBackup } from '../modules/backup/backup.restore.ts';
import { UsageError } from './runtime.ts';

const say = (m: string) => process.stdout.write(`${m}\n`);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/** Opens a database for a backup command; a PGlite folder held by the running server gets a message saying what to do instead. */
async function open(config: DbConfig): Promise<Database> {
  try {
    return await openDatabase(config);
  } catch (err) {
    if (err instanceof AppError && err.issues.some((i) => i.message === '数据目录已被占用')) {
      throw new AppError(
        'DATABASE_UNAVAILABLE',
        `${err.message}\n服务运行时，命令行不能打开嵌入式数据库：备份请由服务进行（设置 XIEZUO_BACKUP_DIR 定时备份，或由系统管理员 POST /api/v1/backups 立即备份）；恢复与迁移请先停止服务再运行本命令。`,
        err.issues,
      );
    }
    throw err;
  }
}

/** xiezuo backup FILE: the configured database (DATABASE_URL or XIEZUO_DATA_DIR) into one file. */
export async function backupCommand(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) throw new UsageError('用法：xiezuo backup <文件>');
  const database = await open(appConfigFromEnv().db);
  try {
    const result = await backupToFile(database, file);
    const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
    say(`已备份 ${result.manifest.tables.length} 张表、${rows} 行（迁移级别 ${result.manifest.migration}）到 ${result.file}：${mb(result.bytes)}，用时 ${seconds(result.ms)}`);
    return 0;
  } finally {
    await database.close();
  }
}

/** xiezuo restore FILE: into the configured database, which must hold no user records. */
export async function restoreCommand(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) throw new UsageError('用法：xiezuo restore <文件>');
  const backup = await readVerifiedBackup(path.resolve(file));
  const database = await open(appConfigFromEnv().db);
  try {
    const result = await restoreBackup(database, backup);
    await prepareDatabase(database.db, say);
    say(`已从 ${backup.file} 恢复 ${result.tables} 张表、${result.rows} 行到 ${database.location}，行数与校验和逐表核对一致，用时 ${seconds(result.ms)}`);
    return 0;
  } finally {
    await database.close();
  }
}

/** xiezuo migrate-to-postgres DATABASE_URL: the embedded database of XIEZUO_DATA_DIR into an empty PostgreSQL database. */
export async function migrateToPostgresCommand(args: string[]): Promise<number> {
  const [url] = args;
  if (!url || args.length > 1) throw new UsageError('用法：xiezuo migrate-to-postgres <DATABASE_URL>');
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const sourceConfig = dbConfigFromEnv(env);
  if (sourceConfig.engine !== 'pglite') throw new UsageError('migrate-to-postgres 读取嵌入式数据库（XIEZUO_DATA_DIR）');
  const source = await open(sourceConfig);
  try {
    const target = await open({ engine: 'postgres', url: checkDatabaseUrl(url) });
    try {
      const result = await copyDatabase(source, target);
      await prepareDatabase(target.db, say);
      say(`已把 ${source.location} 的 ${result.tables} 张表、${result.rows} 行迁移到 ${target.location}，行数与校验和逐表核对一致，用时 ${seconds(result.ms)}。`);
      say('切换方法：停止服务，设置环境变量 DATABASE_URL 为上面的地址后重新启动。');
      say(`原数据目录 ${sourceConfig.dataDir} 保持不变，可作回退：去掉 DATABASE_URL 即回到嵌入式数据库（回退后在 PostgreSQL 中新增的记录不会带回）。`);
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
