import { rm } from 'node:fs/promises';
import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Page } from '../../platform/contract.ts';
import { checkHeaders } from '../../platform/excel/workbook.ts';
import { withPairedCounties } from '../pairings/pairings.repository.ts';
import { todayInChina } from '../products/products.workflow.ts';
import * as repo from './sales.repository.ts';
import { SaleRefs } from './sales.refs.ts';
import { checkSale } from './sales.rules.ts';
import { cellErrorOf, EXPORT_COLUMNS, rowInput } from './sales.sheet.ts';
import { readRecords, sniff } from './sales.reader.ts';
import type { SalesImport } from './sales.contract.ts';

const BATCH = 5_000;
const KEPT_ERRORS = 200;
const PROGRESS_EVERY_MS = 500;

export function presentImport(r: repo.ImportRow): SalesImport {
  const read = r.total_bytes > 0 ? Math.min(1, Number(r.bytes_read) / Number(r.total_bytes)) : 0;
  const loaded = r.rows_valid > 0 ? r.rows_loaded / r.rows_valid : 0;
  const progress = r.status === 'done' ? 100 : r.status === 'loading' ? 50 + loaded * 50 : r.status === 'checking' || r.status === 'failed' ? read * 50 : 0;
  return {
    id: r.id, fileName: r.file_name, format: r.format, skipInvalid: r.skip_invalid, status: r.status, phaseNote: r.phase_note, progress: Math.round(progress * 10) / 10,
    totalBytes: Number(r.total_bytes), rowsRead: r.rows_read, rowsValid: r.rows_valid, rowsLoaded: r.rows_loaded, errorCount: r.error_count,
    errors: r.errors as SalesImport['errors'], duplicates: r.duplicates, actorName: r.actor_name, startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

class Cancelled extends Error {}

/**
 * Bulk sales imports, one at a time per server, in the background: the request that uploads the
 * file gets the import's id at once and polls its progress. The file is read twice from disk:
 * first every row is checked (nothing is written), then — only if all rows are valid, or the user
 * chose to skip invalid ones — rows are written in batches of 5,000, each its own short statement, so
 * other requests keep being answered. Rows written stay invisible until the import is marked done;
 * a failure removes them. Only the progress row is updated meanwhile.
 */
export class SalesImports {
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly db: Db, private readonly log: (msg: string) => void = () => {}) {}

  /** Checks the file's kind and header now (a wrong file is a 400 at once), then queues it. */
  async start(ctx: RequestContext, file: { path: string; size: number; name: string; declared: 'csv' | 'xlsx' | null }, skipInvalid: boolean): Promise<SalesImport> {
    try {
      const format = await sniff(file.path, file.declared);
      const records = readRecords(file.path, format, () => {});
      const first = await records.next();
      await records.return(undefined);
      if (first.done) throw new AppError('VALIDATION', '文件是空的：没有表头', [{ path: 'file', message: '空文件' }]);
      checkHeaders(first.value.cells, EXPORT_COLUMNS);
      const id = await repo.insertImport(this.db, { file_name: file.name, format, skip_invalid: skipInvalid, total_bytes: file.size, user_id: ctx.actor.id, actor_name: ctx.actor.name });
      this.queue = this.queue.then(() => this.run(ctx, id, file.path, format, skipInvalid)).finally(() => rm(file.path, { force: true }));
      return presentImport((await repo.findImport(this.db, id))!);
    } catch (err) {
      await rm(file.path, { force: true });
      throw err;
    }
  }

  /** Waits for the running import to stop (it is cancelled and cleaned up). */
  async stop() {
    this.stopping = true;
    await this.queue.catch(() => {});
  }

  /** Imports left unfinished by a stopped server (no progress for two minutes): failed, their rows removed. */
  async recover() {
    for (const { id } of await repo.abandonedImports(this.db)) await this.fail(id, '服务重启，导入中断：请重新导入');
  }

  async get(ctx: RequestContext, id: number): Promise<SalesImport> {
    const row = await repo.findImport(this.db, id);
    if (!row || (!ctx.scope.all && row.user_id !== ctx.actor.id)) throw notFound('销售导入', id);
    return presentImport(row);
  }

  async list(ctx: RequestContext, page: number, pageSize: number): Promise<Page<SalesImport>> {
    const { rows, total } = await repo.listImports(this.db, ctx.actor.id, ctx.scope.all, page, pageSize);
    return { items: rows.map(presentImport), total, page, pageSize };
  }

  private async run(ctx: RequestContext, id: number, path: string, format: 'csv' | 'xlsx', skipInvalid: boolean) {
    try {
      const refs = await SaleRefs.load(this.db, await withPairedCounties(this.db, ctx.scope), todayInChina(), 'all');
      const checked = await this.pass(id, path, format, refs, 'checking');
      if (checked.errors > 0 && !skipInvalid) {
        return await this.fail(id, `发现 ${checked.errors} 行有错误，未导入任何数据：请改正后重新导入，或选择跳过错误行`);
      }
      if (checked.valid === 0) return await this.fail(id, '没有可导入的数据行');
      const loaded = await this.pass(id, path, format, refs, 'loading');
      await this.db.transaction().execute(async (trx) => {
        await repo.updateImport(trx, id, { status: 'done', rows_loaded: loaded.valid, duplicates: loaded.duplicates, finished_at: new Date(), phase_note: loaded.duplicates ? `${loaded.duplicates} 行疑似重复，已标记待核实、暂不计入` : null });
        await writeAudit(trx, ctx, { entity: 'sales_import', entityId: id, action: 'import', after: { rows: loaded.valid, skipped: checked.errors, duplicates: loaded.duplicates } });
      });
    } catch (err) {
      const message = err instanceof Cancelled ? '服务停止，导入中断' : err instanceof AppError ? err.message : `导入失败：${(err as Error).message}`;
      if (!(err instanceof Cancelled || err instanceof AppError)) this.log(`sales import ${id}: ${(err as Error).stack}`);
      await this.fail(id, message).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`));
    }
  }

  /**
   * One pass over the file. Checking: every row through the same rules as a single sale, errors kept
   * (the first 200 in full, all counted). Loading: the valid rows written in batches, each batch's
   * duplicates (against counted sales, earlier batches and itself) flagged.
   */
  private async pass(id: number, path: string, format: 'csv' | 'xlsx', refs: SaleRefs, phase: 'checking' | 'loading') {
    let bytes = 0, read = 0, valid = 0, errorCount = 0, duplicates = 0, lastReport = 0;
    const errors: { row: number; column: string | null; reason: string }[] = [];
    let batch: repo.BatchRow[] = [];
    let index: Map<string, number> | null = null;
    await repo.updateImport(this.db, id, { status: phase, ...(phase === 'loading' ? { rows_loaded: 0 } : {}) });
    const flush = async () => {
      if (!batch.length) return;
      const seen = await repo.existingKeys(this.db, [...new Set(batch.map((r) => r.dup_key))], { importId: id });
      for (const r of batch) {
        if (seen.has(r.dup_key)) { r.dup_status = 'flagged'; duplicates++; }
        seen.add(r.dup_key);
      }
      await repo.insertBatch(this.db, batch);
      batch = [];
    };
    const report = async (force = false) => {
      if (!force && Date.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = Date.now();
      await repo.updateImport(this.db, id, phase === 'checking'
        ? { bytes_read: bytes, rows_read: read, rows_valid: valid, error_count: errorCount, errors: JSON.stringify(errors) }
        : { rows_loaded: valid, duplicates });
    };
    for await (const rec of readRecords(path, format, (n) => (bytes = n))) {
      if (this.stopping) throw new Cancelled();
      if (!index) { index = checkHeaders(rec.cells, EXPORT_COLUMNS); continue; }
      if (rec.cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
      read++;
      try {
        const values = checkSale(rowInput(rec.cells, index, refs), refs);
        valid++;
        if (phase === 'loading') batch.push({ ...values, dup_status: 'unique', import_id: id, source_row: rec.line });
      } catch (err) {
        const e = cellErrorOf(err);
        errorCount++;
        if (errors.length < KEPT_ERRORS) errors.push({ row: rec.line, column: e.column, reason: e.message });
      }
      if (batch.length >= BATCH) await flush();
      if (read % 1000 === 0) {
        await report();
        await new Promise((r) => setImmediate(r)); // let other requests in
      }
    }
    await flush();
    if (phase === 'checking') bytes = Math.max(bytes, 1);
    await report(true);
    return { valid, errors: errorCount, duplicates };
  }

  private async fail(id: number, message: string) {
    while ((await repo.deleteImportedSlice(this.db, id, 20_000)) > 0) await new Promise((r) => setImmediate(r));
    await repo.updateImport(this.db, id, { status: 'failed', phase_note: message, finished_at: new Date() });
  }
}
