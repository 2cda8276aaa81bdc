import { appConfigFromEnv } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { prepareDatabase } from '../app/prepare.ts';
import { AppError } from '../platform/errors.ts';

/** Opens the configured database, prepared (migrated, regions loaded), for one CLI command. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>, log: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<T> {
  const config = appConfigFromEnv();
  const database = await openDatabase(config.db);
  try {
    await prepareDatabase(database.db, log);
    return await work(database);
  } finally {
    await database.close();
  }
}

export class UsageError extends Error {}

export function printError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`用法错误：${err.message}\n运行 xiezuo help 查看用法。\n`);
    return 2;
  }
  if (err instanceof AppError) {
    process.stderr.write(`错误：${err.message}\n`);
    for (const i of err.issues) process.stderr.write(`  - ${i.path}：${i.message}\n`);
    return 1;
  }
  process.stderr.write(`错误：${(err as Error)?.stack ?? String(err)}\n`);
  return 1;
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
