import type { Db } from '../platform/db/database.ts';
import { FEATURES } from './features.ts';

/** Every feature's demo records, in list order (npm start's --demo). */
export async function loadDemoData(db: Db, log: (msg: string) => void = () => {}) {
  for (const f of FEATURES) await f.demo?.(db, log);
}
