import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/platform/db/database.ts';
import { systemContext } from '../src/platform/context.ts';
import { SalesImports } from '../src/modules/sales/sales.import.ts';
import { findImport } from '../src/modules/sales/sales.repository.ts';
import { addDays, todayInChina } from '../src/modules/products/products.workflow.ts';

const HEADER = '销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数';
const CHANNELS = ['展销中心', '专柜', '电商平台', '直播带货', '832平台', '工会采购', '机关食堂', '商超'];

/** A sales CSV of `rows` valid rows for the demo data (supplier, credited unit), written to `dir`. */
export async function writeSalesCsv(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `sales-${rows}.csv`);
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\uFEFF${HEADER}\n`);
  const today = todayInChina();
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${addDays(today, -(i % 360) - 1)},香格里拉市森吉尼达生物资源开发有限公司,,菌菇,,${CHANNELS[i % CHANNELS.length]},个人,上海市闵行区人民政府,${100 + (i % 9973)}.${String(i % 100).padStart(2, '0')},${1 + (i % 20)},斤,${i % 7}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

/**
 * The product's own import of the file (check every row, then load in batches), timed to the end,
 * with a probe query every 200 ms meanwhile: its worst wait says how long other users waited.
 */
export async function benchSalesImport(database: Database, file: string) {
  const imports = new SalesImports(database.db);
  const copy = path.join(path.dirname(file), `upload-${process.pid}.csv`);
  fs.copyFileSync(file, copy); // the import removes its upload when done
  const probes: number[] = [];
  const t0 = performance.now();
  const started = await imports.start(systemContext, { path: copy, size: fs.statSync(copy).size, name: 'bench.csv', declared: 'csv' }, false);
  let due = performance.now();
  for (;;) {
    // From when the probe was due: a timer held up by a batch counts as waiting, as it would for a user.
    const row = (await findImport(database.db, started.id))!;
    probes.push(performance.now() - due);
    if (row.status === 'done' || row.status === 'failed') {
      const ms = performance.now() - t0;
      await imports.stop();
      if (row.status === 'failed') throw new Error(`sales import failed: ${row.phase_note} ${JSON.stringify(row.errors).slice(0, 300)}`);
      return { rows: row.rows_loaded, ms, rate: (row.rows_loaded / ms) * 1000, probeMaxMs: Math.max(...probes), probeP95Ms: [...probes].sort((a, b) => a - b)[Math.floor(probes.length * 0.95)] };
    }
    due = performance.now() + 200;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** PostgreSQL's own COPY of the same file into a plain table of text columns (no checks, no indexes): the floor. */
export async function benchCopy(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_sales_copy (${HEADER.split(',').map((_, i) => `c${i} text`).join(', ')})`);
    const t0 = performance.now();
    await pipeline(fs.createReadStream(file), client.query(copyFrom('copy bench_sales_copy from stdin with (format csv, header true)')));
    const ms = performance.now() - t0;
    const { rows } = await client.query('select count(*)::int as n from bench_sales_copy');
    await client.query('drop table bench_sales_copy');
    return { rows: rows[0].n as number, ms, rate: (rows[0].n / ms) * 1000 };
  } finally {
    await client.end();
  }
}
