import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Shared machinery of the fuzz tests (*.fuzz.test.ts): seeded, bounded property runs with fast-check.
 *
 * - XIEZUO_FUZZ_RUNS: the base number of runs per property (default 10); each property runs a share
 *   of it by its cost (`runs(weight)`), at least one. CI keeps the default; `XIEZUO_FUZZ_RUNS=100`
 *   is the ten-fold local run.
 * - XIEZUO_FUZZ_SEED: the seed (default fixed, so CI is reproducible). A failure prints the seed and
 *   the counterexample's path; rerun with the seed (and fast-check's `path`) to replay it.
 */
export const FUZZ_BASE_RUNS = Math.max(1, Number(process.env.XIEZUO_FUZZ_RUNS ?? 10) || 10);
export const FUZZ_SEED = Number(process.env.XIEZUO_FUZZ_SEED ?? 1_502_026) || 1_502_026;

/** The runs of one property: its weight × the base (a cheap pure parser gets more than an HTTP route). */
export const runs = (weight = 1) => Math.max(1, Math.round(FUZZ_BASE_RUNS * weight));

/** fast-check parameters: the fixed seed, the bounded runs, no shrinking time lost past a minute. */
export function params<T>(weight = 1, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: runs(weight), interruptAfterTimeLimit: 600_000, markInterruptAsFailure: true, ...extra };
}

/** How many inputs each property tried, printed at the end of a file (the report's counts). */
export const tried = new Map<string, number>();
export const count = (what: string, n = 1) => tried.set(what, (tried.get(what) ?? 0) + n);
export function printTried(file: string) {
  const lines = [...tried].map(([k, n]) => `  ${k}: ${n}`).join('\n');
  console.log(`[fuzz ${file}] seed ${FUZZ_SEED}, base runs ${FUZZ_BASE_RUNS}\n${lines}`);
}

/** A promise that must settle within `ms`, else a failure naming what hung. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** What is wrong with an error answer (status ≥ 400), or null: the error model {code, message, issues[]} with a Chinese message. */
export function errorModelProblem(status: number, body: unknown): string | null {
  if (status >= 500) return `status ${status}`;
  if (status < 400) return null;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return `a ${status} without a JSON error body`;
  const b = body as { code?: unknown; message?: unknown; issues?: unknown };
  if (typeof b.code !== 'string' || !b.code) return `a ${status} without a code`;
  if (typeof b.message !== 'string' || !b.message.trim()) return `a ${status} without a message`;
  if (!CJK.test(b.message)) return `a ${status} whose message is not Chinese: ${b.message}`;
  if (!Array.isArray(b.issues)) return `a ${status} without issues[]`;
  for (const i of b.issues as { path?: unknown; message?: unknown }[]) {
    if (typeof i?.message !== 'string' || !i.message) return `a ${status} with an issue without a message`;
  }
  return null;
}

/**
 * A cheap signature of everything the public tables hold: per table its row count and newest row
 * version (max xmin), so an insert, update or delete that a refused request made shows. `skip`
 * leaves out tables every request touches (sessions) and the static division tree.
 */
export async function dbSignature(db: Db, skip: string[] = []): Promise<Map<string, string>> {
  const tables = (
    await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' order by tablename`.execute(db)
  ).rows.map((r) => r.t).filter((t) => !SKIP_ALWAYS.includes(t) && !skip.includes(t));
  const parts = tables.map((t) => sql`select ${t}::text as t, count(*)::text as n, coalesce(max(xmin::text::bigint), 0)::text as x from ${sql.table(t)}`);
  const rows = (await sql<{ t: string; n: string; x: string }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
  return new Map(rows.map((r) => [r.t, `${r.n}/${r.x}`]));
}

/** The division tree (665,276 rows, written once at setup) and the migrations' own bookkeeping. */
const SKIP_ALWAYS = ['regions', 'schema_migrations'];

/** The tables whose signature differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}

// ---------- arbitraries ----------

const HAN = '帮扶协作援派消费产业劳务培训结对县乡村镇区市省万元亿斤吨户人名次期年月日上海云南迪庆香格里拉德钦维西建设项目资金拨付支出签约捐赠企业合作社工作动态简报第总增刊';

/** Chinese-like text: Han characters from the domain's vocabulary, digits, units, dates and punctuation. */
export const hanText = (maxLength = 60) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...HAN) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom('，', '。', '、', '：', '；', '（', '）', '【', '】', '《', '》', ' ', '\n', '\t', '％', '%', '.', '-', '/') },
        { weight: 1, arbitrary: fc.constantFrom('万元', '元', '亿元', '人次', '户', '名', '个', '亩', '吨', '斤', '家') },
        { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([m, d]) => `${m}月${d}日`) },
        { weight: 1, arbitrary: fc.integer({ min: 1900, max: 2200 }).map((y) => `${y}年`) },
        { weight: 1, arbitrary: fc.constantFrom('０１２３４５６７８９', '１２．５万元', '1 000 000元', '第3期', '总第27期', '— 2 —', '\u3000\u3000', '\uFEFF') },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Any unicode text, control characters and lone surrogates included. */
export const anyText = (maxLength = 40) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ maxLength }),
    hanText(maxLength),
    fc.constantFrom('', ' ', '\u0000', 'null', 'true', '-1', '0', '1e400', 'NaN', '9'.repeat(30), '0000-00-00', '2024-02-30', '\uD800', '%00', '%E0%A4%A', '💥'.repeat(5)),
  );

/** A JSON value of any shape, bounded. */
export const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: anyText(30) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e21, [], {}, [[]], { '': '' }) },
);

/** A value nested `depth` times in arrays or objects. */
export const deep = (depth: number, inner: unknown, objects: boolean): unknown => {
  let v = inner;
  for (let i = 0; i < depth; i++) v = objects ? { a: v } : [v];
  return v;
};

/** The values put in place of one field of a valid body: wrong types, edges, oversized. */
export const wrongValue = fc.oneof(
  anyJson,
  fc.constantFrom('x'.repeat(100_000), '中'.repeat(20_000), Array.from({ length: 5_000 }, (_, i) => i), Array.from({ length: 2_000 }, () => ({ a: 'b' }))),
  fc.integer({ min: 1, max: 2_000 }).map((d) => deep(d, 1, d % 2 === 0)),
);
