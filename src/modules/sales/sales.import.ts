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
import { chooseOwner } from '../../platform/access/ownership.ts';
import { SaleRefs } from './sales.refs.ts';
import { checkSale } from './sales.rules.ts';
import { cellErrorOf, EXPORT_COLUMNS, rowInput } from './sales.sheet.ts';
import { readRecords, sniff } from './sales.reader.ts';
import { isDeadRun, thisRunner } from './sales.runner.ts';
import type { SalesImport } from './sales.contract.ts';

const BATCH = 5_000;
const KEPT_ERRORS = 200;
const PROGRESS_EVERY_MS = 500;
/** Every unfinished import this process holds has its heartbeat touched this often (recovery counts two minutes as dead). */
const HEARTBEAT_MS = 20_000;
/** How often a running server looks for imports whose runner died elsewhere (another server on the same database). */
const SWEEP_MS = 60_000;
const RESTARTED = '导入被中断：服务重启，请重新导入';
const RUNNER_GONE = '导入被中断：执行导入的服务已停止，请重新导入';

/** The imports this process holds (queued or running), per database: what "a live run of this process" means. */
const held = new WeakMap<Db, Set<number>>();
const heldOf = (db: Db) => {
  let ids = held.get(db);
  if (!ids) held.set(db, (ids = new Set()));
  return ids;
};

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
/** The import was failed from outside (a recovery judged its run dead): stop and remove its rows. */
class Abandoned extends Error {}

/**
 * Bulk sales imports, one at a time per server, in the background: the request that uploads the
 * file gets the import's id at once and polls its progress. The file is read twice from disk:
 * first every row is checked (nothing is written), then — only if all rows are valid, or the user
 * chose to skip invalid ones — rows are written in batches of 5,000, each its own short statement, so
 * other requests keep being answered. Rows written stay invisible until the import is marked done;
 * a failure removes them. Only the progress row is updated meanwhile.
 *
 * Each import row names its runner (host, process id and start: sales.runner.ts) and carries a
 * heartbeat touched every 20 seconds while this process holds it, so recovery — at start, and every
 * minute after — fails at once the imports no live run holds (导入被中断：服务重启), and those of
 * another host once their heartbeat has stopped for two minutes.
 */
export class SalesImports {
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;
  /** The imports this instance queued and has not finished; their heartbeat is touched by `beat`. */
  private readonly mine = new Set<number>();
  private readonly cleaning = new Set<number>();
  private beat: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;

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
      const id = await repo.insertImport(this.db, { file_name: file.name, format, skip_invalid: skipInvalid, total_bytes: file.size, user_id: ctx.actor.id, actor_name: ctx.actor.name }, thisRunner());
      this.hold(id);
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
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.queue.catch(() => {});
    if (this.beat) clearInterval(this.beat);
    this.beat = null;
  }

  /**
   * At start: every unfinished import no live run holds is failed now — its runner was this host's
   * process before a restart, or a process that is gone — and so is one of another host whose
   * heartbeat stopped two minutes ago; their rows are removed in the background. Then the same
   * sweep runs every minute, for imports whose server died while this one runs.
   */
  async recover() {
    await this.sweep(RESTARTED);
    if (this.sweeper || this.stopping) return;
    this.sweeper = setInterval(() => void this.sweep(RUNNER_GONE).catch((e) => this.log(`sales import sweep: ${(e as Error).message}`)), SWEEP_MS);
    this.sweeper.unref();
  }

  private async sweep(note: string) {
    const here = thisRunner();
    const failed: number[] = [];
    for (const row of await repo.unfinishedImports(this.db)) {
      if (isDeadRun(row, here, heldOf(this.db)) && (await repo.abandonImport(this.db, row.id, row.beat, note))) failed.push(row.id);
    }
    if (failed.length) this.log(`sales imports ${failed.join(', ')}: ${note}`);
    for (const { id } of await repo.failedImportsWithRows(this.db)) {
      if (this.cleaning.has(id) || this.mine.has(id)) continue;
      this.cleaning.add(id);
      this.queue = this.queue.then(() => this.removeRows(id, true)).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`)).finally(() => this.cleaning.delete(id));
    }
  }

  private hold(id: number) {
    this.mine.add(id);
    heldOf(this.db).add(id);
    if (this.beat) return;
    this.beat = setInterval(() => {
      if (!this.mine.size) return;
      repo.touchImports(this.db, [...this.mine]).catch((e) => this.log(`sales import heartbeat: ${(e as Error).message}`));
    }, HEARTBEAT_MS);
    this.beat.unref();
  }

  private release(id: number) {
    this.mine.delete(id);
    heldOf(this.db).delete(id);
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
        const done = await repo.updateImport(trx, id, { status: 'done', rows_loaded: loaded.valid, duplicates: loaded.duplicates, finished_at: new Date(), phase_note: loaded.duplicates ? `${loaded.duplicates} 行疑似重复，已标记待核实、暂不计入` : null });
        if (!done) throw new Abandoned();
        await writeAudit(trx, ctx, { entity: 'sales_import', entityId: id, action: 'import', after: { rows: loaded.valid, skipped: checked.errors, duplicates: loaded.duplicates } });
      });
    } catch (err) {
      if (err instanceof Abandoned) {
        this.log(`sales import ${id}: failed by a recovery while running; its rows are removed`);
        await this.removeRows(id, false).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`));
        return;
      }
      const message = err instanceof Cancelled ? '服务停止，导入中断' : err instanceof AppError ? err.message : `导入失败：${(err as Error).message}`;
      if (!(err instanceof Cancelled || err instanceof AppError)) this.log(`sales import ${id}: ${(err as Error).stack}`);
      await this.fail(id, message).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`));
    } finally {
      this.release(id);
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
    if (!(await repo.updateImport(this.db, id, { status: phase, ...(phase === 'loading' ? { rows_loaded: 0 } : {}) }))) throw new Abandoned();
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
      const going = await repo.updateImport(this.db, id, phase === 'checking'
        ? { bytes_read: bytes, rows_read: read, rows_valid: valid, error_count: errorCount, errors: JSON.stringify(errors) }
        : { rows_loaded: valid, duplicates });
      if (!going) throw new Abandoned();
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

  /** The runner's own failure: its rows are removed, then the import is marked failed (unless a recovery did already). */
  private async fail(id: number, message: string) {
    await this.removeRows(id, false);
    await repo.updateImport(this.db, id, { status: 'failed', phase_note: message, finished_at: new Date() });
  }

  /** Removes a failed import's rows, a slice at a time; a background cleanup stops when the server does (the next start resumes it). */
  private async removeRows(id: number, interruptible: boolean) {
    while (!(interruptible && this.stopping) && (await repo.deleteImportedSlice(this.db, id, 20_000)) > 0) await new Promise((r) => setImmediate(r));
  }
}
