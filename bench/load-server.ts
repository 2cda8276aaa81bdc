import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { isAlive } from '../src/platform/db/lock.ts';

/**
 * The real server for `npm run load`: `node bin/xiezuo.mjs serve --demo` in a child process of its own, bound to
 * 127.0.0.1 on a free port, on a throwaway PGlite folder or a throwaway PostgreSQL database (dropped after).
 */

export const LOOPBACK = '127.0.0.1';
const BIN = path.join(import.meta.dirname, '..', 'bin', 'xiezuo.mjs');

export interface ServerHandle {
  pid: number;
  port: number;
  base: string;
  /** From spawn to the first answer of /api/v1/health. */
  startMs: number;
  /** The server's own output (stdout and stderr), for the report when something fails. */
  output: () => string;
  /** kB, from /proc/<pid>/status: the peak resident set (VmHWM) and the current one (VmRSS). */
  memory: () => { hwmKiB: number; rssKiB: number } | null;
  cpuSeconds: () => number | null;
  stop: () => Promise<void>;
}

/** A port nobody listens on at this moment (the kernel's choice for port 0, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, LOOPBACK, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function procMemory(pid: number): { hwmKiB: number; rssKiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { hwmKiB: kib('VmHWM'), rssKiB: kib('VmRSS') };
  } catch {
    return null; // not Linux, or the process is gone
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat; null off Linux. */
export function procCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14 and 15 of the line)
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/**
 * Starts the server and waits until /api/v1/health answers 200 (or the child exits, or timeoutMs passes).
 * `env` adds to the environment: DATABASE_URL for PostgreSQL, XIEZUO_DATA_DIR for PGlite.
 */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs: number, log: (m: string) => void): Promise<ServerHandle> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: LOOPBACK, XIEZUO_LOG: '' };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL; // PGlite: never a DATABASE_URL inherited from the shell
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--demo'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitP = new Promise<void>((resolve) => child.once('exit', (code, signal) => { exited = { code, signal }; resolve(); }));
  const base = `http://${LOOPBACK}:${port}`;
  const handle: ServerHandle = {
    pid: child.pid!,
    port,
    base,
    startMs: 0,
    output: () => output,
    memory: () => procMemory(child.pid!),
    cpuSeconds: () => procCpuSeconds(child.pid!),
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 15_000);
      await exitP;
      clearTimeout(killer);
    },
  };
  const deadline = t0 + timeoutMs;
  let lastLog = t0;
  while (true) {
    if (exited) throw new Error(`the server exited before answering (${JSON.stringify(exited)}):\n${output.slice(-4000)}`);
    if (performance.now() > deadline) {
      await handle.stop();
      throw new Error(`the server did not answer /api/v1/health within ${Math.round(timeoutMs / 1000)} s:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const last = output.trim().split('\n').pop() ?? '';
      log(`  … still starting (${Math.round((lastLog - t0) / 1000)} s): ${last.match(/"msg":"((?:[^"\\]|\\.)*)"/)?.[1] ?? last}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  handle.startMs = performance.now() - t0;
  return handle;
}

/** A fresh PGlite folder under the system temp directory, removed by `remove`. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-load-${process.pid}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Only a PostgreSQL on this machine: the load test never talks to another host. */
export function checkLoopbackUrl(url: string): URL {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`LOAD_DATABASE_URL: postgres:// expected, not ${u.protocol}//`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`LOAD_DATABASE_URL must name a loopback host (127.0.0.1), not ${u.hostname}`);
  return u;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Whether the admin URL answers (for --engine both: PostgreSQL is run only when reachable). */
export async function postgresReachable(url: string): Promise<string | null> {
  try {
    await adminQuery(url, 'select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}


/**
 * A throwaway database xiezuo_load_<pid>_<time> (UTF8, C collation like the tests), with its URL; `drop` removes it.
 * Databases of earlier load runs whose process is gone (killed before their cleanup) are dropped first.
 */
export async function throwawayDatabase(adminUrl: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname ~ '^xiezuo_load_[0-9]+_'`);
    for (const { datname } of rows) if (!isAlive(Number(datname.split('_')[2]))) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
  const name = `xiezuo_load_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString(), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}
