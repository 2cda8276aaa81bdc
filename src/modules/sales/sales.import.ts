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
import { cellErrorOf, EXPORT_COLUMNS, RowReader } from './sales.sheet.ts';
import { readRecordBatches, readRecords, sniff } from './sales.reader.ts';
import { SliceLoader } from './sales.slices.ts';
import { isDeadRun, thisRunner } from './sales.runner.ts';
import type { SalesImport } from './sales.contract.ts';

const KEPT_ERRORS = 200;
/** Ids per staging statement before done (≈0.2–0.5 s each on PGlite). */
const STAGE_IDS = 20_000;
const PROGRESS_EVERY_MS = 500;
/** Every unfinished import this process holds has its heartbeat touched this often (recovery counts two minutes as dead). */
const HEARTBEAT_MS = 20_000;
/** How often a running server looks for imports whose runner died elsewhere (another server on the same database). */
const SWEEP_MS = 60_000;
const RESTARTED = '导入被中断：服务重启，请重新导入';
const RUNNER_GONE = '导入被中断：执行导入的服务已停止，请重新导入';
export const STOPPED = '服务停止，导入已中断，请重新导入';

/** The imports this process holds (queued or running), per database: what "a live run of this process" means. */
const held = new WeakMap<Db, Set<number>>();
const heldOf = (db: Db) => {
  let ids = held.get(db);
  if (!ids) held.set(db, (ids = new Set()));
  return ids;
};

export function presentImport(r: repo.ImportRow): SalesImport {
  const read = r.total_bytes > 0 ? Math.min(1, Number(r.bytes_read) / Number(r.total_bytes)) : 0;
  // One pass reads, checks and loads: the share of the file read, until the last slice is written and the import done.
  const progress = r.status === 'done' ? 100 : r.status === 'queued' ? 0 : Math.min(99, read * 100);
  return {
    id: r.id, fileName: r.file_name, format: r.format, skipInvalid: r.skip_invalid, status: r.status, phaseNote: r.phase_note, progress: Math.round(progress * 10) / 10,
    totalBytes: Number(r.total_bytes), rowsRead: r.rows_read, rowsValid: r.rows_valid, rowsLoaded: r.rows_loaded, errorCount: r.error_count,
    errors: r.errors as SalesImport['errors'], duplicates: r.duplicates, actorName: r.actor_name, startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

const REFERENCE_LABELS = { products: '产品', suppliers: '供应主体', orgs: '单位', activities: '工作动态' } as const;
const isBlank = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

class Cancelled extends Error {}
/** The import was failed from outside (a recovery judged its run dead): stop and remove its rows. */
class Abandoned extends Error {}

/**
 * Bulk sales imports, one at a time per server, in the background: the request that uploads the
 * file gets the import's id at once and polls its progress. The file is read once from disk: each
 * row is checked and, while every row so far is valid (or the user chose to skip invalid ones),
 * put in a slice that one COPY statement writes (sales.slices.ts), a short statement at a time so
 * other requests keep being answered. Rows written stay invisible until the import is marked done;
 * a bad row (without skipInvalid) stops the loading, the rest is only checked, and the import
 * fails, which removes what was written. Only the progress row is updated meanwhile.
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

  /**
   * Waits for the running import to stop: it is marked failed at once (its rows, invisible to every
   * read since only a done import's rows count, are removed by the next start's sweep), and so are
   * the imports queued behind it; a background removal stops at its next slice.
   */
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
    const loader = new SliceLoader(this.db, id);
    try {
      if (this.stopping) throw new Cancelled(); // queued behind the import that was running at shutdown
      const refs = await SaleRefs.load(this.db, await withPairedCounties(this.db, ctx.scope), todayInChina(), 'all');
      const read = await this.pass(id, path, format, refs, skipInvalid, loader);
      if (read.errors > 0 && !skipInvalid) {
        return await this.fail(id, `发现 ${read.errors} 行有错误，未导入任何数据：请改正后重新导入，或选择跳过错误行`);
      }
      if (read.valid === 0) return await this.fail(id, '没有可导入的数据行');
      await this.finish(ctx, id, loader, read.errors);
    } catch (err) {
      await loader.settle().catch(() => {}); // a COPY still running must end before the rows are removed
      if (err instanceof Abandoned) {
        this.log(`sales import ${id}: failed by a recovery while running; its rows are removed`);
        await this.removeRows(id, false).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`));
        return;
      }
      if (err instanceof Cancelled) {
        await this.interrupt(id).catch((e) => this.log(`sales import ${id} interrupt: ${(e as Error).message}`));
        return;
      }
      const message = err instanceof AppError ? err.message : `导入失败：${(err as Error).message}`;
      if (!(err instanceof AppError)) this.log(`sales import ${id}: ${(err as Error).stack}`);
      await this.fail(id, message).catch((e) => this.log(`sales import ${id} cleanup: ${(e as Error).message}`));
    } finally {
      this.release(id);
    }
  }

  /**
   * The one pass over the file: every row through the same rules as a single sale, errors kept (the
   * first 200 in full, all counted), valid rows handed to the loader. Without skipInvalid, the first
   * bad row stops the loading (the import will be refused) while the rest is still checked, so that
   * every error is reported at once.
   */
  private async pass(id: number, path: string, format: 'csv' | 'xlsx', refs: SaleRefs, skipInvalid: boolean, loader: SliceLoader) {
    let bytes = 0, read = 0, valid = 0, errorCount = 0, lastReport = 0, loading = true;
    const errors: { row: number; column: string | null; reason: string }[] = [];
    let reader: RowReader | null = null;
    if (!(await repo.updateImport(this.db, id, { status: 'loading', rows_loaded: 0 }))) throw new Abandoned();
    const report = async (force = false) => {
      if (!force && Date.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = Date.now();
      const going = await repo.updateImport(this.db, id, {
        bytes_read: bytes, rows_read: read, rows_valid: valid, rows_loaded: loader.loaded, duplicates: loader.duplicates, error_count: errorCount, errors: JSON.stringify(errors),
      });
      if (!going) throw new Abandoned();
    };
    for await (const batch of readRecordBatches(path, format, (n) => (bytes = n))) {
      for (const rec of batch) {
        if (this.stopping) throw new Cancelled();
        if (!reader) {
          reader = new RowReader(checkHeaders(rec.cells, EXPORT_COLUMNS), refs);
          continue;
        }
        if (isBlank(rec.cells)) continue;
        read++;
        let values: repo.SaleValues;
        try {
          values = checkSale(reader.input(rec.cells), refs);
        } catch (err) {
          const e = cellErrorOf(err);
          errorCount++;
          if (errors.length < KEPT_ERRORS) errors.push({ row: rec.line, column: e.column, reason: e.message });
          if (loading && !skipInvalid) loading = await this.stopLoading(id, loader, rec.line);
          continue;
        }
        valid++;
        if (loading && loader.add(values, rec.line)) await loader.flush();
      }
      await report();
      await new Promise((r) => setImmediate(r)); // let other requests in
    }
    if (loading) await loader.flush();
    await loader.settle();
    bytes = Math.max(bytes, 1);
    await report(true);
    return { valid, errors: errorCount };
  }

  /** Marks the import done (its rows count from now on), once the rows it refers to are known to be there and are locked. */
  private async finish(ctx: RequestContext, id: number, loader: SliceLoader, skipped: number) {
    const { loaded, duplicates } = loader;
    await this.stage(id);
    await this.db.transaction().execute(async (trx) => {
      const missing = await repo.lockReferences(trx, loader.references);
      if (missing.length) throw new AppError('CONFLICT', `导入期间，文件引用的记录已被删除（${missing.slice(0, 5).map((m) => `${REFERENCE_LABELS[m.table]} ${m.id}`).join('、')}），未导入任何数据：请重新导入`);
      const done = await repo.updateImport(trx, id, { status: 'done', rows_loaded: loaded, duplicates, finished_at: new Date(), phase_note: duplicates ? `${duplicates} 行疑似重复，已标记待核实、暂不计入` : null });
      if (!done) throw new Abandoned();
      await writeAudit(trx, ctx, { entity: 'sales_import', entityId: id, action: 'import', after: { rows: loaded, skipped, duplicates } });
    });
  }

  /**
   * The import's facts staged in id slices, each its own short statement with other requests let in
   * between, so that marking it done adds staged sums instead of aggregating every row in one statement.
   */
  private async stage(id: number) {
    const span = await repo.importIdSpan(this.db, id);
    if (!span) return;
    for (let lo = span.lo; lo <= span.hi; lo += STAGE_IDS) {
      if (this.stopping) throw new Cancelled();
      await repo.stageImport(this.db, id, lo, Math.min(span.hi, lo + STAGE_IDS - 1));
      await new Promise((r) => setImmediate(r));
    }
  }

  /** A bad row without skipInvalid: nothing more is loaded, the rest is only checked. */
  private async stopLoading(id: number, loader: SliceLoader, line: number): Promise<false> {
    loader.discard();
    if (!(await repo.updateImport(this.db, id, { status: 'checking', phase_note: `第 ${line} 行有错误，不再导入：继续检查其余各行，以列出全部错误` }))) throw new Abandoned();
    return false;
  }

  /** The runner's own failure: its rows are removed, then the import is marked failed (unless a recovery did already). */
  private async fail(id: number, message: string) {
    await this.removeRows(id, false);
    await repo.updateImport(this.db, id, { status: 'failed', phase_note: message, finished_at: new Date() });
  }

  /** Shutdown: marked failed now, its rows left to the next start's sweep (removing them could outlast the shutdown timeout). */
  private async interrupt(id: number) {
    await repo.updateImport(this.db, id, { status: 'failed', phase_note: STOPPED, finished_at: new Date() });
  }

  /** Removes a failed import's rows, a slice at a time; a background cleanup stops when the server does (the next start resumes it). */
  private async removeRows(id: number, interruptible: boolean) {
    while (!(interruptible && this.stopping) && (await repo.deleteImportedSlice(this.db, id, 20_000)) > 0) await new Promise((r) => setImmediate(r));
  }
}
