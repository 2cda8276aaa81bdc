import { createHash } from 'node:crypto';
import type { CopySession } from '../../platform/db/copy.ts';
import { ident, sortExpr, type TableInfo } from './backup.catalog.ts';

/** Output settings that make COPY's text the same on both engines and in every server's time zone. */
export const SESSION_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

/** Rows per COPY TO on PGlite, whose COPY output is one Blob: keeps memory to a few MB per slice. */
export const PGLITE_SLICE_ROWS = 20_000;

/** A table's COPY text is what a backup stores and checks: its size, rows (lines) and sha256. */
export interface Digest {
  rows: number;
  bytes: number;
  sha256: string;
}

export class DigestCounter {
  private hash = createHash('sha256');
  rows = 0;
  bytes = 0;
  add(chunk: Uint8Array) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++; // COPY text escapes newlines inside values
  }
  digest(): Digest {
    return { rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Opens the snapshot every table is read from: one transaction, so the tables agree with each other. */
export async function beginSnapshot(session: CopySession) {
  await session.query(session.engine === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin');
  for (const s of SESSION_SETTINGS) await session.query(s);
}

const orderBy = (t: TableInfo) => (t.key.length ? t.key : t.columns).map((c) => sortExpr(t, c)).join(', ');
const selectOf = (t: TableInfo) => `select ${t.columns.map(ident).join(', ')} from ${ident(t.name)}`;

/**
 * A table's rows as COPY text, sorted by its primary key in collate "C". PostgreSQL streams one
 * COPY; PGlite is read in slices of key ranges (or offsets, for a table without a key).
 */
export async function* exportTable(session: CopySession, t: TableInfo): AsyncIterable<Uint8Array> {
  if (session.engine === 'postgres') {
    yield* session.copyOut(`copy (${selectOf(t)} order by ${orderBy(t)}) to stdout`);
    return;
  }
  if (!t.key.length) {
    for (let offset = 0; ; offset += PGLITE_SLICE_ROWS) {
      let got = false;
      for await (const chunk of session.copyOut(`copy (${selectOf(t)} order by ${orderBy(t)} offset ${offset} limit ${PGLITE_SLICE_ROWS}) to stdout`)) {
        got = true;
        yield chunk;
      }
      if (!got) return;
    }
  }
  const keyTuple = `(${t.key.map((c) => sortExpr(t, c)).join(', ')})`;
  let after: string | null = null;
  for (;;) {
    const from: string = after ? ` where ${keyTuple} > ${after}` : '';
    const [upper]: Record<string, string>[] = await session.query<Record<string, string>>(
      `select ${t.key.map((c, i) => `quote_literal(${ident(c)}) as k${i}`).join(', ')} from ${ident(t.name)}${from} order by ${orderBy(t)} offset ${PGLITE_SLICE_ROWS - 1} limit 1`,
    );
    const until: string | null = upper ? `(${t.key.map((_, i) => upper[`k${i}`]).join(', ')})` : null;
    const where = [after && `${keyTuple} > ${after}`, until && `${keyTuple} <= ${until}`].filter(Boolean).join(' and ');
    yield* session.copyOut(`copy (${selectOf(t)}${where ? ` where ${where}` : ''} order by ${orderBy(t)}) to stdout`);
    if (!until) return;
    after = until;
  }
}

/** The digest of a table as the database holds it now (a restore's check after loading). */
export async function digestTable(session: CopySession, t: TableInfo): Promise<Digest> {
  const counter = new DigestCounter();
  for await (const chunk of exportTable(session, t)) counter.add(chunk);
  return counter.digest();
}
