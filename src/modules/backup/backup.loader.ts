import { sql } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import { withCopySession, type CopySession } from '../../platform/db/copy.ts';
import { migrate, readMigrations } from '../../platform/db/migrate.ts';
import { AppError } from '../../platform/errors.ts';
import { ident, listSequences, listTables, REFERENCE_TABLES, type TableInfo } from './backup.catalog.ts';
import { DigestCounter, digestTable, SESSION_SETTINGS, type Digest } from './backup.export.ts';

/** One table to load: its columns, its COPY text, and (from a manifest) what that text must be. */
export interface LoadTable {
  name: string;
  columns: string[];
  expected?: Digest;
  data: () => AsyncIterable<Uint8Array>;
}

export interface LoadSource {
  /** The source's migration level ("0020"). */
  migration: string;
  tables: LoadTable[];
}

export interface LoadResult {
  tables: number;
  rows: number;
  ms: number;
  digests: Map<string, Digest>;
}

/** COPY text per PGlite statement (its COPY FROM reads one Blob): slices end on a row's newline. */
const PGLITE_SLICE_BYTES = 8 << 20;

/**
 * Loads a backup (or a live export) into an empty database in one transaction: migrated to the
 * source's level first, reference tables replaced (kept where already identical), triggers and foreign-key checks off while
 * loading (replica mode), sequences continued after the largest id, then every table read back
 * and checked against the source's row count and sha256; any difference rolls everything back.
 */
export async function loadInto(database: Database, source: LoadSource): Promise<LoadResult> {
  const started = Date.now();
  await migrateToLevel(database.db, source.migration);
  const digests = await withCopySession(database.db, async (session) => {
    await session.query('begin');
    for (const s of SESSION_SETTINGS) await session.query(s);
    await replicaMode(session);
    const tables = await listTables(session);
    checkSameTables(tables, source);
    await refuseUserRecords(session, tables);
    const byName = new Map(source.tables.map((t) => [t.name, t]));
    const kept = new Set<string>();
    for (const t of [...tables].reverse()) {
      if (!REFERENCE_TABLES.includes(t.name)) continue;
      const want = byName.get(t.name)!.expected;
      // The division tree is usually identical already: replacing 665,000 equal rows would only cost time.
      if (want && sameDigest(await digestTable(session, t), want)) kept.add(t.name);
      else await session.query(`delete from ${ident(t.name)}`);
    }
    const loaded = new Map<string, Digest>();
    for (const t of tables) {
      const from = byName.get(t.name)!;
      if (kept.has(t.name)) {
        loaded.set(t.name, from.expected!);
        continue;
      }
      const got = await copyTable(session, t, from);
      if (from.expected && !sameDigest(got, from.expected)) throw mismatch(t.name, got, from.expected, '读入的数据');
      loaded.set(t.name, from.expected ?? got);
    }
    for (const q of await listSequences(session)) {
      await session.query(
        `select setval(pg_get_serial_sequence('${ident(q.table)}', '${q.column}'), coalesce((select max(${ident(q.column)}) from ${ident(q.table)}), 0) + 1, false)`,
      );
    }
    for (const t of tables) {
      const now = await digestTable(session, t);
      if (!sameDigest(now, loaded.get(t.name)!)) throw mismatch(t.name, now, loaded.get(t.name)!, '写入后读回的数据');
    }
    await session.query('commit');
    return loaded;
  });
  let rows = 0;
  for (const d of digests.values()) rows += d.rows;
  return { tables: digests.size, rows, ms: Date.now() - started, digests };
}

const sameDigest = (a: Digest, b: Digest) => a.rows === b.rows && a.bytes === b.bytes && a.sha256 === b.sha256;

function mismatch(table: string, got: Digest, want: Digest, what: string) {
  return new AppError('RULE_VIOLATION', `表 ${table} ${what}与备份不符（${got.rows} 行，备份为 ${want.rows} 行，或校验和不同）：已全部回滚，目标数据库未写入`, [
    { path: table, message: '行数或校验和不符' },
  ]);
}

/** Migrates the target to the source's level (later migrations run after the load), refusing levels it cannot reach. */
async function migrateToLevel(db: Db, level: string) {
  const files = readMigrations();
  const code = files.at(-1)?.version ?? '0000';
  if (level > code) {
    throw new AppError('RULE_VIOLATION', `备份的迁移级别 ${level} 比本程序的 ${code} 新：请先升级协作程序，再恢复该备份`, [{ path: 'migration', message: '备份比程序新' }]);
  }
  const exists = await sql<{ t: string | null }>`select to_regclass('public.schema_migrations')::text as t`.execute(db);
  if (exists.rows[0]?.t) {
    const landed = await sql<{ v: string | null }>`select max(version) as v from schema_migrations`.execute(db);
    const current = landed.rows[0]?.v;
    if (current && current > level) {
      throw new AppError('CONFLICT', `目标数据库已迁移到 ${current}，比备份的 ${level} 新：请恢复到一个新建的空数据库（新的 PostgreSQL 数据库，或新的 XIEZUO_DATA_DIR 文件夹）`, [
        { path: 'migration', message: '目标数据库比备份新' },
      ]);
    }
  }
  await migrate(db, files.filter((f) => f.version <= level));
}

/** No trigger fires (indicator totals are loaded as they were) and no foreign key is checked until the end. */
async function replicaMode(session: CopySession) {
  try {
    await session.query('set local session_replication_role = replica');
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err;
    throw new AppError('FORBIDDEN', '恢复需要在装载期间关闭触发器与外键检查：请以超级用户连接，或先执行 GRANT SET ON PARAMETER session_replication_role TO 该用户', [
      { path: 'DATABASE_URL', message: '该用户不能设置 session_replication_role' },
    ]);
  }
}

function checkSameTables(tables: TableInfo[], source: LoadSource) {
  const want = new Map(source.tables.map((t) => [t.name, t.columns.join(',')]));
  const issues: { path: string; message: string }[] = [];
  for (const t of tables) {
    const cols = want.get(t.name);
    if (cols === undefined) issues.push({ path: t.name, message: '备份中没有这张表' });
    else if (cols !== t.columns.join(',')) issues.push({ path: t.name, message: `列不同：备份为 ${cols}，数据库为 ${t.columns.join(',')}` });
  }
  for (const name of want.keys()) if (!tables.some((t) => t.name === name)) issues.push({ path: name, message: '数据库中没有这张表' });
  if (issues.length) throw new AppError('RULE_VIOLATION', `备份与目标数据库的表结构不符（${issues.map((i) => i.path).join('、')}）：未写入任何数据`, issues);
}

async function refuseUserRecords(session: CopySession, tables: TableInfo[]) {
  const user = tables.filter((t) => !REFERENCE_TABLES.includes(t.name));
  const found = await session.query<{ name: string }>(
    user.map((t) => `select '${t.name}' as name where exists (select 1 from ${ident(t.name)})`).join(' union all '),
  );
  if (found.length) {
    const names = found.map((r) => r.name);
    throw new AppError(
      'CONFLICT',
      `目标数据库已有业务记录（表 ${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 张` : ''}）：只能恢复到空数据库。请新建一个空的 PostgreSQL 数据库，或指定新的 XIEZUO_DATA_DIR 文件夹后再试；未写入任何数据`,
      names.map((n) => ({ path: n, message: '已有记录' })),
    );
  }
}

/** COPY FROM of one table's text, counted as it goes; on PGlite in line-aligned slices. */
async function copyTable(session: CopySession, t: TableInfo, from: LoadTable): Promise<Digest> {
  const counter = new DigestCounter();
  const statement = `copy ${ident(t.name)} (${t.columns.map(ident).join(', ')}) from stdin`;
  const counted = async function* () {
    for await (const chunk of from.data()) {
      counter.add(chunk);
      yield chunk;
    }
  };
  if (session.engine === 'postgres') await session.copyIn(statement, counted());
  else for await (const slice of lineSlices(counted(), PGLITE_SLICE_BYTES)) await session.copyIn(statement, toIterable(slice));
  return counter.digest();
}

async function* toIterable(parts: Uint8Array[]) {
  yield* parts;
}

/** Groups chunks into slices of about `limit` bytes that each end after a newline (whole rows). */
export async function* lineSlices(data: AsyncIterable<Uint8Array>, limit: number): AsyncIterable<Uint8Array[]> {
  let parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    if (size + chunk.length >= limit) {
      const cut = chunk.lastIndexOf(10);
      if (cut !== -1) {
        parts.push(chunk.subarray(0, cut + 1));
        yield parts;
        parts = cut + 1 < chunk.length ? [chunk.subarray(cut + 1)] : [];
        size = chunk.length - cut - 1;
        continue;
      }
    }
    parts.push(chunk);
    size += chunk.length;
  }
  if (size) yield parts;
}
