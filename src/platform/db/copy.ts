import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** A value as COPY's CSV format reads it: null (or undefined) is NULL, a Date its ISO form. */
export type CopyValue = string | number | boolean | bigint | Date | null | undefined;
export type CopyRow = readonly CopyValue[];
export interface CopyTarget {
  table: string;
  columns: readonly string[];
}

export interface CopyOptions {
  /**
   * Fire no trigger and check no foreign key (session_replication_role = replica, for this one
   * statement) where the role may set it — superuser, or granted SET on the parameter; elsewhere
   * the COPY runs as usual. A caller asking this checks what those would have checked.
   */
  withoutTriggers?: boolean;
}

/** How one engine runs a COPY FROM of CSV text: the statement and its data (text or UTF-8 bytes), one chunk at a time. */
export type Copier = ((statement: string, data: AsyncIterable<string | Uint8Array>, options?: CopyOptions) => Promise<void>) & {
  /** The engine's way of holding one connection for a session of statements and COPYs (see withCopySession). */
  session?: <T>(work: (session: CopySession) => Promise<T>) => Promise<T>;
};

/**
 * One connection held for several statements, COPY FROM STDIN and COPY TO STDOUT among them, so a
 * caller can run them all in one transaction of its own (a backup's snapshot, a restore's load).
 */
export interface CopySession {
  engine: 'pglite' | 'postgres';
  query<R = Record<string, unknown>>(text: string): Promise<R[]>;
  /** COPY … FROM STDIN: streamed on PostgreSQL; on PGlite the data becomes one Blob, so callers give it in slices. */
  copyIn(statement: string, data: AsyncIterable<string | Uint8Array>): Promise<void>;
  /** COPY … TO STDOUT: streamed on PostgreSQL; on PGlite one Blob per statement, so callers slice. */
  copyOut(statement: string): AsyncIterable<Uint8Array>;
}

/**
 * Runs work on one connection of its own (on PGlite the pool's one connection, held so no request
 * interleaves). A failure rolls back whatever transaction the work left open.
 */
export async function withCopySession<T>(db: Db, work: (session: CopySession) => Promise<T>): Promise<T> {
  const copier = copiers.get(db);
  if (!copier?.session) throw new Error('COPY sessions are not available on this database handle');
  return copier.session(work);
}

const copiers = new WeakMap<Db, Copier>();

/** Called by openDatabase: the engine's way of running COPY, found again from the Kysely instance. */
export function registerCopier(db: Db, copier: Copier) {
  copiers.set(db, copier);
}

// Quoted only when it must be: an empty unquoted field is NULL, "" is the empty string.
const NEEDS_QUOTES = /[",\n\r]|^$|^\s|\s$/;
function field(v: CopyValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = v instanceof Date ? v.toISOString() : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row as a line of COPY's CSV format. */
export function csvLine(row: CopyRow): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i ? ',' : '') + field(row[i]);
  return `${line}\n`;
}

const CHUNK_CHARS = 1 << 20;

async function* chunksOf(rows: Iterable<CopyRow> | AsyncIterable<CopyRow>, count: { n: number }, width: number): AsyncIterable<string> {
  let chunk = '';
  for await (const row of rows) {
    if (row.length !== width) throw new Error(`COPY: a row has ${row.length} values for ${width} columns`);
    chunk += csvLine(row);
    count.n++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Loads rows into a table with one COPY statement: all of them or, on any error, none. On
 * PostgreSQL they stream (pg-copy-streams); on PGlite the statement reads them from one Blob, so a
 * caller with millions of rows gives them in slices (≈100,000 rows, a few tens of MB at most).
 * Identity columns take the values given (COPY writes them as given), so a loader that names ids sets
 * the sequence after (`syncIdentity`). Runs outside any transaction, on a connection of its own, in
 * a transaction of its own (replica mode, when `withoutTriggers` is asked and allowed, is its alone).
 */
export async function copyRows(db: Db, target: CopyTarget, rows: Iterable<CopyRow> | AsyncIterable<CopyRow>, options?: CopyOptions): Promise<number> {
  const count = { n: 0 };
  await copyCsv(db, target, chunksOf(rows, count, target.columns.length), options);
  return count.n;
}

/** CSV text as it is (a file's lines, no header) in one COPY statement, on either engine: copyRows without the rows. */
export async function copyCsv(db: Db, target: CopyTarget, csv: AsyncIterable<string | Uint8Array>, options?: CopyOptions): Promise<void> {
  const copier = copiers.get(db);
  if (!copier) throw new Error('COPY is not available on this database handle');
  const columns = target.columns.map((c) => `"${c}"`).join(', ');
  await copier(`copy "${target.table}" (${columns}) from stdin with (format csv)`, csv, options);
}

const REPLICA = 'set local session_replication_role = replica';
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Opens the COPY's transaction, in replica mode when asked and allowed. `permitted` remembers a
 * refusal, so a role without the right is not asked again.
 */
async function begin(run: (sql: string) => Promise<unknown>, options: CopyOptions | undefined, permitted: { replica: boolean }) {
  await run('begin');
  if (!options?.withoutTriggers || !permitted.replica) return;
  try {
    await run(REPLICA);
  } catch (err) {
    if ((err as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw err;
    permitted.replica = false;
    await run('rollback');
    await run('begin');
  }
}

/** After rows were copied with their ids: the identity sequence continues after the largest. */
export async function syncIdentity(db: Db, table: string, column = 'id') {
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

/** PostgreSQL: COPY FROM STDIN on a pooled connection, written with back-pressure. */
export function postgresCopier(pool: pg.Pool): Copier {
  const permitted = { replica: true };
  const copier: Copier = async (statement, data, options) => {
    const client = await pool.connect();
    let failed: Error | null = null;
    try {
      await begin((q) => client.query(q), options, permitted);
      await streamInto(client, statement, data);
      await client.query('commit');
    } catch (err) {
      failed = err as Error;
      throw err;
    } finally {
      client.release(failed ?? undefined); // a failed connection is closed: its transaction goes with it
    }
  };
  copier.session = async (work) => {
    const client = await pool.connect();
    let failed: Error | null = null;
    try {
      return await work({
        engine: 'postgres',
        query: async <R>(text: string) => (await client.query(text)).rows as R[],
        copyIn: (statement, data) => streamInto(client, statement, data),
        copyOut: (statement) => client.query(copyTo(statement)),
      });
    } catch (err) {
      failed = err as Error;
      throw err;
    } finally {
      client.release(failed ?? undefined); // closing a failed session's connection ends its transaction
    }
  };
  return copier;
}

/** COPY FROM STDIN on one connection, written with back-pressure; a failing source sends CopyFail. */
async function streamInto(client: pg.PoolClient, statement: string, data: AsyncIterable<string | Uint8Array>) {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  done.catch(() => {}); // awaited below; an early error must not go unhandled meanwhile
  try {
    for await (const chunk of data) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
    }
  } catch (err) {
    stream.destroy(err as Error); // the server gets CopyFail: nothing is written
    await done.catch(() => {});
    throw err;
  }
  stream.end();
  await done;
}

/** The part of PGlite a COPY needs: a query that may read its data from a Blob. */
interface BlobQuery {
  query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: unknown[]; blob?: Blob }>;
}

/**
 * PGlite: COPY FROM '/dev/blob'. The pool's one connection is held meanwhile, so the COPY never
 * lands inside another request's open transaction (PGlite has a single session).
 */
export function pgliteCopier(pool: pg.Pool, pglite: BlobQuery): Copier {
  const permitted = { replica: true };
  const run = (q: string) => pglite.query(q);
  const copier: Copier = async (statement, data, options) => {
    const parts: BlobPart[] = [];
    for await (const chunk of data) parts.push(chunk as BlobPart); // bytes read from a file: never a SharedArrayBuffer
    if (!parts.length) return;
    const client = await pool.connect();
    try {
      await begin(run, options, permitted);
      await pglite.query(statement.replace(/from stdin/, "from '/dev/blob'"), [], { blob: new Blob(parts) });
      await run('commit');
    } catch (err) {
      await run('rollback').catch(() => {}); // the one session must not stay in the failed transaction
      throw err;
    } finally {
      client.release();
    }
  };
  copier.session = async (work) => {
    const client = await pool.connect();
    try {
      return await work({
        engine: 'pglite',
        query: async <R>(text: string) => (await pglite.query(text)).rows as R[],
        async copyIn(statement, data) {
          const parts: BlobPart[] = [];
          for await (const chunk of data) parts.push(chunk as BlobPart);
          if (parts.length) await pglite.query(statement.replace(/from stdin/i, "from '/dev/blob'"), [], { blob: new Blob(parts) });
        },
        async *copyOut(statement) {
          const { blob } = await pglite.query(statement.replace(/to stdout$/i, "to '/dev/blob'"));
          if (blob?.size) yield new Uint8Array(await blob.arrayBuffer());
        },
      });
    } catch (err) {
      await run('rollback').catch(() => {}); // the one session must not stay in the failed transaction
      throw err;
    } finally {
      client.release();
    }
  };
  return copier;
}
