import type { Db } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { FEATURES } from './features.ts';

/** Everything a fresh database needs before it serves: the schema migrations, then each feature's reference data. */
export async function prepareDatabase(db: Db, log: (msg: string) => void = () => {}) {
  const { applied } = await migrate(db);
  for (const name of applied) log(`已应用迁移 ${name}`);
  for (const f of FEATURES) await f.prepare?.(db, log);
  return { applied };
}
