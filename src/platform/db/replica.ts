import { Kysely, PostgresDialect, sql } from 'kysely';
import type { ReadReplicaConfig } from '../config.ts';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';
import { resilientPool } from './pool.ts';

/** Why reads are on the primary right now, or null when the replica serves them. */
export type ReplicaTrouble = null | 'unchecked' | 'unreachable' | 'lagging' | 'not-a-replica';

export interface Replica {
  /** Kysely on the replica: reads only. */
  db: Db;
  /** Where it is, for messages (never includes a password). */
  location: string;
  maxLagSeconds: number;
  /** As of the last check: null when reads may go to the replica. */
  trouble(): ReplicaTrouble;
  /** Seconds the replica was behind at the last check (0 when caught up). */
  lagSeconds(): number;
  /** Reads of this user go to the primary until the replica has replayed what the primary held after the write. */
  pinAfterWrite(userId: number): void;
  isPinned(userId: number): boolean;
  /** One lag check: the primary's WAL position, then the replica's replay position. */
  check(): Promise<void>;
  /** Checks every intervalMs (the first one awaited) until stop(); transitions are logged once each. */
  watch(log: { info(msg: string): void; error(msg: string): void }): Promise<() => void>;
  close(): Promise<void>;
}

/** A sample of the primary's WAL position and when it was taken (before the query, so earlier commits are in it). */
interface Sample {
  at: number;
  lsn: bigint;
}

const CHECK_TIMEOUT_MS = 3_000;
/** Hours of samples while the replica is down; beyond it every other one is dropped (the oldest kept: it is the lag). */
const MAX_SAMPLES = 10_000;
/** A pin whose write the replica has not replayed by then is dropped anyway (the replica counts as lagging by then). */
const PIN_LIMIT_MS = 60_000;

/** "16/B374D848" → a comparable number. */
export function parseLsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

/**
 * A pool on a streaming replica beside the primary. Nothing connects until the first check, so a
 * replica that is down at start only means reads stay on the primary.
 */
export function openReplica(primary: Db, config: ReadReplicaConfig, location: string): Replica {
  // An idle connection dropped (the replica stopping): check now rather than at the next tick.
  const pool = resilientPool({ connectionString: config.url, max: 10, connectionTimeoutMillis: CHECK_TIMEOUT_MS }, () => void replica.check());
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const maxLagMs = config.maxLagSeconds * 1000;
  let trouble: ReplicaTrouble = 'unchecked';
  let lagMs = 0;
  let detail = '';
  // Primary positions not yet replayed, oldest first: the lag is how long ago the oldest was taken.
  let pending: Sample[] = [];
  // Before the first answer we do not know since when the replica has been behind.
  let firstAnswer = true;
  // Per user: when the write ended and, once a check has sampled the primary after it, the position to wait for.
  const pins = new Map<number, { at: number; lsn?: bigint }>();
  let running: Promise<void> | null = null;

  async function sampleOnce() {
    const at = Date.now();
    const primaryRow = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
    const sample = { at, lsn: parseLsn(primaryRow.rows[0]!.lsn) };
    for (const pin of pins.values()) if (pin.lsn === undefined && pin.at < at) pin.lsn = sample.lsn; // strictly after: the write has committed before this sample
    if (!pending.length || pending[pending.length - 1]!.lsn < sample.lsn) pending.push(sample);
    if (pending.length > MAX_SAMPLES) pending = pending.filter((_, i) => i % 2 === 0 || i === pending.length - 1);
    const replicaRow = await sql<{ recovery: boolean; replayed: string | null; replayAge: number | null }>`
      select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed,
             extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as "replayAge"`.execute(db);
    const { recovery, replayed, replayAge } = replicaRow.rows[0]!;
    if (!recovery || replayed === null) {
      trouble = 'not-a-replica';
      detail = '该库不在恢复（流复制）状态';
      return;
    }
    const position = parseLsn(replayed);
    pending = pending.filter((s) => s.lsn > position);
    // Behind at the first answer: it has been so at least since the last transaction it replayed.
    if (firstAnswer && pending.length && replayAge !== null) pending[0]!.at = Math.min(pending[0]!.at, Date.now() - replayAge * 1000);
    firstAnswer = false;
    const now = Date.now();
    lagMs = pending.length ? now - pending[0]!.at : 0;
    for (const [user, pin] of pins) {
      if ((pin.lsn !== undefined && pin.lsn <= position) || now - pin.at > PIN_LIMIT_MS) pins.delete(user);
    }
    trouble = lagMs > maxLagMs ? 'lagging' : null;
    detail = trouble ? `落后 ${(lagMs / 1000).toFixed(1)} 秒，超过 ${config.maxLagSeconds} 秒` : '';
  }

  async function checkOnce() {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`检查超过 ${CHECK_TIMEOUT_MS / 1000} 秒未完成`)), CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([sampleOnce(), timeout]);
    } catch (err) {
      trouble = 'unreachable';
      detail = (err as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }

  const replica: Replica = {
    db,
    location,
    maxLagSeconds: config.maxLagSeconds,
    trouble: () => trouble,
    lagSeconds: () => lagMs / 1000,
    pinAfterWrite(userId) {
      pins.set(userId, { at: Date.now() });
    },
    isPinned: (userId) => pins.has(userId),
    check() {
      // One check at a time: a slow replica must not pile up checks.
      running ??= checkOnce().finally(() => {
        running = null;
      });
      return running;
    },
    async watch(log) {
      let reported: ReplicaTrouble = 'unchecked';
      const report = () => {
        if (trouble === reported) return;
        if (trouble === null) log.info(`只读副本 ${location} 可用：列表、统计和导出从副本读取`);
        else log.error(`只读副本 ${location} 暂不可用（${detail}）：读取改用主库`);
        reported = trouble;
      };
      await replica.check();
      report();
      const timer = setInterval(() => void replica.check().then(report), config.checkIntervalMs ?? 1_000);
      timer.unref();
      return () => clearInterval(timer);
    },
    close: () => db.destroy(),
  };
  return replica;
}
