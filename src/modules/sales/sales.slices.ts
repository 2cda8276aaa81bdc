import type { Db } from '../../platform/db/database.ts';
import * as repo from './sales.repository.ts';

/** How long one COPY should take: on PGlite it holds the only connection, so other requests wait that long. */
const SLICE_TARGET_MS = 400;
/** The first slice is the smallest: how long it takes sizes the next. */
const MIN_SLICE = 5_000;
const MAX_SLICE = 100_000;

/** The next slice's size from how fast the last one went, so that each COPY takes about SLICE_TARGET_MS. */
export function nextSliceSize(rows: number, ms: number): number {
  const fitting = Math.round((rows / Math.max(ms, 1)) * SLICE_TARGET_MS);
  return Math.min(MAX_SLICE, Math.max(MIN_SLICE, fitting));
}

/**
 * The checked rows of one import on their way into the table: buffered into slices, each slice's
 * duplicates flagged (against counted sales, this import's earlier slices and the slice itself),
 * then written by one COPY. One COPY is in flight at a time, so the next slice is checked while the
 * database writes the last (on PostgreSQL, where it runs apart).
 */
export class SliceLoader {
  /** Rows committed so far, and how many of them were flagged as duplicates. */
  loaded = 0;
  duplicates = 0;
  /** What the buffered and written rows refer to: checked once, when the import is done (repo.lockReferences). */
  readonly references = repo.noReferences();
  private rows: repo.SaleCopyRow[] = [];
  private keys: string[] = [];
  private size: number;
  private inFlight: Promise<void> | null = null;

  /** `fixedSlice`: every slice that many rows (tests); otherwise sized by how fast the last one went. */
  constructor(private readonly db: Db, private readonly importId: number, private readonly fixedSlice?: number) {
    this.size = fixedSlice ?? MIN_SLICE;
  }

  /** Buffers a checked row; true when the slice is full and should be flushed. */
  add(values: repo.SaleValues, sourceRow: number): boolean {
    this.rows.push(repo.importRow(values, this.importId, sourceRow));
    repo.addReferences(this.references, values);
    this.keys.push(values.dup_key);
    return this.rows.length >= this.size;
  }

  /** Nothing more is loaded: a row failed and the import will be refused whole. */
  discard() {
    this.rows = [];
    this.keys = [];
  }

  /** Waits for the COPY in flight, flags the buffered slice's duplicates and starts its COPY. */
  async flush() {
    await this.settle();
    if (!this.rows.length) return;
    const rows = this.rows, keys = this.keys;
    this.rows = [];
    this.keys = [];
    this.flagDuplicates(rows, keys, await repo.existingKeys(this.db, [...new Set(keys)], { importId: this.importId }));
    const started = performance.now();
    this.inFlight = repo.copyImportRows(this.db, rows).then(() => {
      this.loaded += rows.length;
      if (!this.fixedSlice) this.size = nextSliceSize(rows.length, performance.now() - started);
    });
    this.inFlight.catch(() => {}); // awaited by settle(); must not count as unhandled meanwhile
  }

  /** Waits for the COPY in flight (its failure is thrown): after it, no row of this import is being written. */
  async settle() {
    const running = this.inFlight;
    this.inFlight = null;
    await running;
  }

  private flagDuplicates(rows: repo.SaleCopyRow[], keys: string[], seen: Set<string>) {
    for (let i = 0; i < rows.length; i++) {
      if (seen.has(keys[i])) {
        repo.flagDuplicate(rows[i]);
        this.duplicates++;
      } else seen.add(keys[i]);
    }
  }
}
