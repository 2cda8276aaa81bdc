import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Recorder, type OpFigures } from './load-client.ts';
import { checkLoopbackUrl, LOOPBACK, postgresReachable, startServer, tempDataDir, throwawayDatabase, type ServerHandle } from './load-server.ts';
import { LOAD_ACCOUNTS, VirtualUser } from './load-users.ts';

/**
 * `npm run load` (issue 15): the real server in a child process (`xiezuo serve --demo`, 127.0.0.1 only, a free
 * port), on a throwaway PGlite folder and — when LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * answers — on a throwaway PostgreSQL database; N virtual users logged in as the demo accounts of every kind of
 * office run a weighted mix of reads, searches and writes for a fixed time. Prints, per operation and overall,
 * requests, req/s, p50/p95/p99 latency and errors, and the server's peak RSS (VmHWM); writes bench/load-results.json.
 * Exit code: 0 no errors, 1 some request failed (any unexpected status or network error), 2 the run itself failed.
 *
 *   npm run load                         16 users, 60 s per engine, both engines when PostgreSQL answers
 *   npm run load -- --short              8 users, 15 s per engine (CI)
 *   npm run load -- --users 32 --seconds 120 --engine pglite|postgres|both [--think MS] [--requests N] [--json] [--out FILE]
 *
 * Each engine's server starts twice: the first start on the empty database (migrations, the national division tree,
 * the demo records) is timed and reported; the load then runs on a second start of the same database, so its peak
 * RSS is what serving costs, not the one-off loading.
 */

const DEFAULTS = { users: 16, seconds: 60 };
const SHORT = { users: 8, seconds: 15 };
const LIMITS = { users: 256, seconds: 1800 };
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The first start migrates and loads ~665,000 regions and the demo records: about 15–30 s on PGlite, allow far more on a busy machine. */
const FIRST_START_TIMEOUT_MS = Number(process.env.LOAD_START_TIMEOUT_S ?? 300) * 1000;
const RESTART_TIMEOUT_MS = 120_000;

type Engine = 'pglite' | 'postgres';

interface EngineResult {
  engine: Engine;
  users: number;
  accounts: Record<string, number>;
  seconds: number;
  startup: { firstStartMs: number; firstStartPeakRssMiB: number | null; restartMs: number; idlePeakRssMiB: number | null };
  /** Peak RSS (VmHWM) at the end of the load; RSS sampled every 5 s of it; CPU the server and this client used (1.0 = one core). */
  server: { peakRssMiB: number | null; rssAtEndMiB: number | null; rssEvery5sMiB: (number | null)[]; cpuCores: number | null };
  client: { cpuCores: number };
  /** The machine's 1-minute load average when the load started and when it ended (other work competes for the cores). */
  loadAverage: { start: number; end: number };
  setup: OpFigures[];
  ops: OpFigures[];
  overall: OpFigures;
  errors: number;
  errorSamples: { op: string; status: number; detail: string }[];
}

const mib = (kib: number | undefined) => (kib === undefined || Number.isNaN(kib) ? null : Math.round(kib / 1024));
/** Progress and tables on stdout; with --json, stdout holds only the JSON and the rest goes to stderr. */
let out: NodeJS.WritableStream = process.stdout;
const log = (m: string) => out.write(`${m}\n`);

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: 'string' }, seconds: { type: 'string' }, engine: { type: 'string', default: 'both' }, short: { type: 'boolean', default: false },
      think: { type: 'string', default: '0' }, requests: { type: 'string' }, json: { type: 'boolean', default: false }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const base = values.short ? SHORT : DEFAULTS;
  const int = (name: string, v: string | undefined, dflt: number, max: number) => {
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name}: a whole number from 1 to ${max}, not ${v}`);
    return n;
  };
  const engine = values.engine as string;
  if (!['pglite', 'postgres', 'both'].includes(engine)) throw new Error(`--engine: pglite, postgres or both, not ${engine}`);
  const think = Number(values.think);
  if (!Number.isFinite(think) || think < 0 || think > 60_000) throw new Error(`--think: milliseconds from 0 to 60000, not ${values.think}`);
  return {
    help: values.help,
    users: int('users', values.users, base.users, LIMITS.users),
    seconds: int('seconds', values.seconds, base.seconds, LIMITS.seconds),
    requests: values.requests === undefined ? Infinity : int('requests', values.requests, 0, 10_000_000),
    engine: engine as Engine | 'both',
    thinkMs: think,
    json: values.json,
    out: path.resolve(values.out ?? path.join(import.meta.dirname, 'load-results.json')),
  };
}

export async function main(args: string[]): Promise<number> {
  const opts = options(args);
  out = opts.json ? process.stderr : process.stdout;
  if (opts.help) {
    log('npm run load -- [--short] [--users N] [--seconds S] [--engine pglite|postgres|both] [--think MS] [--requests N] [--json] [--out FILE]');
    return 0;
  }
  log(`Xiezuo load test — ${os.cpus().length} cores, Node ${process.version}; ${opts.users} users, ${opts.seconds} s per engine${opts.thinkMs ? `, think ${opts.thinkMs} ms` : ''}`);
  const engines: Engine[] = opts.engine === 'both' ? ['pglite', 'postgres'] : [opts.engine];
  const adminUrl = process.env.LOAD_DATABASE_URL || DEFAULT_PG;
  const results: EngineResult[] = [];
  const skipped: string[] = [];
  let failed = false;
  for (const engine of engines) {
    if (engine === 'postgres') {
      checkLoopbackUrl(adminUrl);
      const why = await postgresReachable(adminUrl);
      if (why) {
        if (opts.engine === 'postgres') throw new Error(`PostgreSQL at ${redact(adminUrl)} does not answer: ${why}`);
        skipped.push(`postgres: ${redact(adminUrl)} does not answer (${why})`);
        log(`\n(PostgreSQL skipped: ${redact(adminUrl)} does not answer — ${why}; set LOAD_DATABASE_URL to an account that may create databases)`);
        continue;
      }
    }
    try {
      const r = await onEngine(engine, adminUrl, opts);
      results.push(r);
      print(r);
    } catch (err) {
      failed = true;
      log(`\n${engine}: the run failed: ${(err as Error).stack ?? err}`);
    }
  }
  const report = { date: new Date().toISOString(), args, cores: os.cpus().length, node: process.version, users: opts.users, seconds: opts.seconds, thinkMs: opts.thinkMs, skipped, engines: results };
  fs.writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`\n(results written to ${path.relative(process.cwd(), opts.out)})`);
  if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  if (failed) return 2;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  if (errors > 0) log(`\nFAILED: ${errors} request(s) failed`);
  return errors > 0 ? 1 : 0;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** One engine: a throwaway database, the server's first start (timed), a second start, the load, the cleanup. */
async function onEngine(engine: Engine, adminUrl: string, opts: ReturnType<typeof options>): Promise<EngineResult> {
  log(`\n## ${engine === 'pglite' ? 'PGlite (embedded, on disk)' : 'PostgreSQL'}`);
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    const tmp = tempDataDir();
    env = { XIEZUO_DATA_DIR: tmp.dir };
    cleanup = async () => tmp.remove();
  } else {
    const dbx = await throwawayDatabase(adminUrl);
    log(`  throwaway database ${dbx.name}`);
    env = { DATABASE_URL: dbx.url };
    cleanup = dbx.drop;
  }
  let server: ServerHandle | null = null;
  // Ctrl-C: the server child stopped and the throwaway database or folder removed before leaving.
  const stopOnSignal = () => void (async () => {
    log('\n  interrupted: stopping the server and removing the throwaway database …');
    await server?.stop().catch(() => {});
    await cleanup().catch(() => {});
    process.exit(130);
  })();
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    log('  first start (migrations, division tree, demo records) …');
    server = await startServer(env, FIRST_START_TIMEOUT_MS, log);
    const firstStartMs = server.startMs;
    await new Promise((r) => setTimeout(r, 300));
    const firstMem = server.memory();
    await server.stop();
    log(`  first start: ${(firstStartMs / 1000).toFixed(1)} s, peak RSS ${mib(firstMem?.hwmKiB) ?? '?'} MiB`);
    server = await startServer(env, RESTART_TIMEOUT_MS, log);
    const idle = server.memory();
    log(`  restart: ${(server.startMs / 1000).toFixed(1)} s, pid ${server.pid}, ${server.base}, peak RSS ${mib(idle?.hwmKiB) ?? '?'} MiB before the load`);
    const { rssEvery5sMiB, serverCpuCores, ...load } = await runLoad(server, opts);
    const end = server.memory();
    const result: EngineResult = {
      engine,
      ...load,
      startup: { firstStartMs: Math.round(firstStartMs), firstStartPeakRssMiB: mib(firstMem?.hwmKiB), restartMs: Math.round(server.startMs), idlePeakRssMiB: mib(idle?.hwmKiB) },
      server: { peakRssMiB: mib(end?.hwmKiB), rssAtEndMiB: mib(end?.rssKiB), rssEvery5sMiB, cpuCores: serverCpuCores },
    };
    await server.stop();
    return result;
  } catch (err) {
    if (server) log(`  server output (last lines):\n${server.output().slice(-3000)}`);
    throw err;
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await server?.stop().catch(() => {});
    await cleanup().catch((err) => log(`  cleanup failed: ${(err as Error).message}`));
  }
}

async function runLoad(server: ServerHandle, opts: ReturnType<typeof options>) {
  const client = new Client(LOOPBACK, server.port);
  const setupRec = new Recorder();
  const rec = new Recorder();
  const year = new Date().getFullYear();
  const userOpts = { years: [year - 1, year], thinkMs: opts.thinkMs };
  const users = Array.from({ length: opts.users }, (_, i) => new VirtualUser(i, LOAD_ACCOUNTS[i % LOAD_ACCOUNTS.length], client, setupRec, userOpts));
  const accounts: Record<string, number> = {};
  for (const u of users) accounts[`${u.account.username} (${u.role})`] = (accounts[`${u.account.username} (${u.role})`] ?? 0) + 1;
  try {
    // Logins and reference reads first, a few at a time (argon2 is deliberately slow), outside the measured window.
    const t0 = performance.now();
    const ready: VirtualUser[] = [];
    for (let i = 0; i < users.length; i += 4) {
      const batch = users.slice(i, i + 4);
      const oks = await Promise.all(batch.map((u) => u.setup()));
      batch.forEach((u, j) => oks[j] && ready.push(u));
    }
    log(`  ${ready.length}/${users.length} users logged in and ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(accounts).map(([a, n]) => `${a}×${n}`).join(', ')}`);
    for (const u of ready) u.recordInto(rec);
    const setupRequests = ready.reduce((n, u) => n + u.requests, 0);
    const start = performance.now();
    const until = start + opts.seconds * 1000;
    const budget = { left: opts.requests };
    const cpu0 = { server: server.cpuSeconds(), client: process.cpuUsage() };
    const load0 = os.loadavg()[0];
    const rssEvery5sMiB: (number | null)[] = [];
    let ticks = 0;
    const sampler = setInterval(() => {
      ticks++;
      if (ticks % 5 === 0) rssEvery5sMiB.push(mib(server.memory()?.rssKiB));
      if (ticks % 15 === 0) log(`  … ${ticks} s, ${ready.reduce((n, u) => n + u.requests, 0) - setupRequests} requests, ${rec.errors} errors, server RSS ${rssEvery5sMiB.at(-1) ?? '?'} MiB`);
    }, 1000);
    try {
      await Promise.all(ready.map((u) => u.run(until, budget)));
    } finally {
      clearInterval(sampler);
    }
    const elapsed = (performance.now() - start) / 1000;
    const serverCpu = server.cpuSeconds();
    const serverCpuCores = serverCpu === null || cpu0.server === null ? null : Math.round(((serverCpu - cpu0.server) / elapsed) * 100) / 100;
    const c = process.cpuUsage(cpu0.client);
    const clientCpuCores = Math.round(((c.user + c.system) / 1e6 / elapsed) * 100) / 100;
    const figs = rec.figures(elapsed);
    const setupFigs = setupRec.figures(elapsed).ops;
    const errors = rec.errors + setupRec.errors;
    return { users: opts.users, accounts, seconds: Math.round(elapsed * 10) / 10, rssEvery5sMiB, serverCpuCores, client: { cpuCores: clientCpuCores }, loadAverage: { start: Math.round(load0 * 100) / 100, end: Math.round(os.loadavg()[0] * 100) / 100 }, setup: setupFigs.map((s) => ({ ...s, reqPerSec: NaN })), ops: figs.ops, overall: figs.overall, errors, errorSamples: [...setupRec.samples, ...rec.samples] };
  } finally {
    client.close();
  }
}

function print(r: EngineResult) {
  const ms = (x: number) => (Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(1) : x.toFixed(0));
  const head = `${'operation'.padEnd(36)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)}`;
  const line = (f: OpFigures) => `${f.op.padEnd(36)} ${String(f.requests).padStart(8)} ${(Number.isNaN(f.reqPerSec) ? '-' : f.reqPerSec.toFixed(1)).padStart(8)} ${ms(f.p50).padStart(7)} ${ms(f.p95).padStart(7)} ${ms(f.p99).padStart(7)} ${ms(f.max).padStart(7)} ${String(f.errors).padStart(6)}`;
  const lines: string[] = [`\n### ${r.engine}: ${r.users} users for ${r.seconds} s`, head, ...r.ops.map(line), '-'.repeat(head.length), line(r.overall), '', 'setup (logins and reference reads, before the measured window):', ...r.setup.map(line)];
  lines.push('', `server: first start ${(r.startup.firstStartMs / 1000).toFixed(1)} s (peak RSS ${r.startup.firstStartPeakRssMiB ?? '?'} MiB); restart ${(r.startup.restartMs / 1000).toFixed(1)} s; ` +
    `peak RSS under load ${r.server.peakRssMiB ?? '?'} MiB (VmHWM; ${r.startup.idlePeakRssMiB ?? '?'} MiB before the load), RSS at the end ${r.server.rssAtEndMiB ?? '?'} MiB`,
    `RSS every 5 s (MiB): ${r.server.rssEvery5sMiB.join(' ')}; CPU used: server ${r.server.cpuCores ?? '?'} cores, this client ${r.client.cpuCores} cores (of ${os.cpus().length}); load average ${r.loadAverage.start} → ${r.loadAverage.end}`);
  lines.push(`errors: ${r.errors}`);
  for (const s of r.errorSamples) lines.push(`  ${s.op}: ${s.status || 'network'} ${s.detail.replace(/\s+/g, ' ').slice(0, 240)}`);
  log(lines.join('\n'));
}
