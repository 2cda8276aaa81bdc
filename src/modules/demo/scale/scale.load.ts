import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { copyRows, syncIdentity, type CopyRow } from '../../../platform/db/copy.ts';
import { dropIndexes, withDeferredIndexes } from '../../../platform/db/bulk.ts';
import { AppError } from '../../../platform/errors.ts';
import { demoRefusal, loadDemoBase } from '../demo.seed.ts';
import { loadScalePlaces } from './scale.base.ts';
import { genContext, type Generated, type Place } from './scale.context.ts';
import { SCALES, type ScaleName, type ScaleSizes } from './scale.plan.ts';
import { fundRows, milestoneRows, projectRows, transitionRows, type ProjectFacts } from './scale.projects.ts';
import { activityRows, dispatchRows, donationRows, enterpriseRows, personRows, placementRows, saleRows, supplierRows, trainingRows, type SupplierFacts } from './scale.records.ts';

/** Rows per COPY statement: PGlite reads each statement's rows from one Blob, so this bounds memory. */
const SLICE = 50_000;

export interface ScaleOutcome {
  scale: ScaleName | 'custom';
  seed: number;
  tables: { table: string; rows: number; ms: number; rssMiB: number }[];
  ms: number;
  peakRssMiB: number;
}

/**
 * Fills an empty database with five years of the sixteen districts' work: the demo's organisations,
 * pairings and accounts through the services, the places each district works with, then every record
 * kind through COPY, deterministic from the seed. Indicator triggers are off during the load and the
 * fact rows and summary cells are rebuilt once at the end (one aggregate instead of one per statement).
 * Peak memory is the process's own high-water mark (PGlite's WebAssembly heap included).
 */
export async function loadScaleDemo(db: Db, opts: { scale: ScaleName; seed: number; sizes?: ScaleSizes; log?: (msg: string) => void }): Promise<ScaleOutcome> {
  const log = opts.log ?? (() => {});
  const refusal = await demoRefusal(db);
  if (refusal) throw new AppError('CONFLICT', `规模演示数据只能加载到空数据库：${refusal}`);
  const sizes = opts.sizes ?? SCALES[opts.scale];
  const t0 = performance.now();
  const base = await loadDemoBase(db);
  const districts = await loadScalePlaces(db, base);
  const g = genContext(opts.seed, sizes, districts);
  log(`规模演示（${opts.sizes ? '自定义' : opts.scale}，种子 ${opts.seed}）：${districts.length} 个区、${g.places.length} 个结对县`);
  const projects: ProjectFacts[] = [];
  const suppliers: SupplierFacts[] = [];
  const sent: Place[] = [];
  // In order: a kind whose rows others need (projects, suppliers, persons) before them.
  const kinds: (() => Generated)[] = [
    () => projectRows(g, projects), () => transitionRows(g, projects), () => milestoneRows(g, projects), () => fundRows(g, projects),
    () => supplierRows(g, suppliers), () => saleRows(g, suppliers), () => activityRows(g), () => donationRows(g), () => trainingRows(g),
    () => personRows(g, sent), () => dispatchRows(g, sent), () => placementRows(g), () => enterpriseRows(g),
  ];
  const tables: ScaleOutcome['tables'] = [];
  for (const make of kinds) {
    const kind = make();
    const started = performance.now();
    let said = 0;
    const rows = await loadKind(db, kind, (done) => {
      if (done < kind.count && performance.now() - said < 5_000) return; // a line every 5 s, and the total
      said = performance.now();
      log(`  ${kind.target.table}：${done.toLocaleString('en')} / ${kind.count.toLocaleString('en')}（${Math.round((done / Math.max(1, kind.count)) * 100)}%）`);
    });
    tables.push({ table: kind.target.table, rows, ms: performance.now() - started, rssMiB: rssMiB() });
  }
  const rebuilt = performance.now();
  await db.transaction().execute((trx) =>
    withDeferredIndexes(trx, 'indicator_fact_rows', () => withDeferredIndexes(trx, 'indicator_cells', () => sql`select ind_rebuild()`.execute(trx))));
  await sql`analyze`.execute(db);
  tables.push({ table: 'indicator_cells (rebuild, analyze)', rows: 0, ms: performance.now() - rebuilt, rssMiB: rssMiB() });
  return { scale: opts.sizes ? 'custom' : opts.scale, seed: opts.seed, tables, ms: performance.now() - t0, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** The next `n` rows of an iterator, without collecting them. */
function* take(rows: Iterator<CopyRow>, n: number): Iterable<CopyRow> {
  for (let i = 0; i < n; i++) {
    const next = rows.next();
    if (next.done) return;
    yield next.value;
  }
}

const rssMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/**
 * One record kind into its empty table: triggers off, secondary indexes and foreign keys dropped (built
 * once after the load, which also checks every reference), rows in slices of COPY, identity moved past them.
 */
async function loadKind(db: Db, kind: Generated, progress: (done: number) => void): Promise<number> {
  const table = kind.target.table;
  await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  const restore = await dropIndexes(db, table);
  let done = 0;
  try {
    const rows = kind.rows()[Symbol.iterator]();
    for (;;) {
      const copied = await copyRows(db, kind.target, take(rows, SLICE));
      done += copied;
      progress(done);
      if (copied < SLICE) break;
    }
  } finally {
    await restore();
    await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
  }
  await syncIdentity(db, table);
  return done;
}
