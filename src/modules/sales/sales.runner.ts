import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who runs a background import: this host, this process id and this process's start. Stored on the
 * import row (migration 0014) so that another server on the same database — or this one after a
 * restart — can tell a live run from a dead one (see isDeadRun).
 */
export interface Runner {
  host: string;
  pid: number;
  startedAt: Date;
  /** Linux: process start in clock ticks after boot (/proc/PID/stat field 22); null elsewhere. */
  startTicks: number | null;
}

/** Linux's /proc/PID/stat: the process's start (ticks after boot) and state, or null when it is gone or there is no /proc. */
function procStat(pid: number): { startTicks: number; zombie: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]); // field 22; fields[0] is field 3 (state)
    return Number.isSafeInteger(startTicks) ? { startTicks, zombie: fields[0] === 'Z' || fields[0] === 'X' } : null;
  } catch {
    return null;
  }
}

let self: Runner | undefined;
export function thisRunner(): Runner {
  return (self ??= {
    host: hostname(),
    pid: process.pid,
    startedAt: new Date(Math.round(Date.now() - process.uptime() * 1000)),
    startTicks: procStat(process.pid)?.startTicks ?? null,
  });
}

/** Whether a process of this host with this id exists now (signal 0 checks without signalling). */
function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that ran an import, on this host, is still that same process: its id exists,
 * it is no zombie, and (Linux) it started at the same clock tick — a recycled id is another process.
 */
export function runnerAlive(pid: number, startTicks: number | null): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || !pidExists(pid)) return false;
  const stat = procStat(pid);
  if (!stat) return true; // no /proc (not Linux): the id exists, which is all that can be known
  return !stat.zombie && (startTicks === null || stat.startTicks === Number(startTicks));
}

export interface RunRow {
  id: number;
  runner_host: string | null;
  runner_pid: number | null;
  runner_start_ticks: number | null;
  runner_started_at: Date | null;
  /** The heartbeat stopped for longer than the stale limit. */
  stale: boolean;
}

/**
 * An unfinished import belongs to no live run when:
 * - it has no runner (queued before migration 0014: no run of this version owns it);
 * - its runner is this very process (same host, id and start) but this process is not running it;
 * - its runner is another process of this host that is gone (or whose id now belongs to another
 *   process), or whose heartbeat is stale;
 * - its runner is on another host (whose processes cannot be checked) and its heartbeat is stale.
 */
export function isDeadRun(row: RunRow, here: Runner, runningHere: ReadonlySet<number>): boolean {
  if (row.runner_host === null || row.runner_pid === null) return true;
  if (row.runner_host !== here.host) return row.stale;
  const isMe = row.runner_pid === here.pid && (row.runner_start_ticks === null || here.startTicks === null
    ? row.runner_started_at !== null && Math.abs(new Date(row.runner_started_at).getTime() - here.startedAt.getTime()) < 2_000
    : Number(row.runner_start_ticks) === here.startTicks);
  if (isMe) return !runningHere.has(row.id);
  if (row.runner_pid === here.pid) return true; // this process id, but an earlier process: it died
  return row.stale || !runnerAlive(row.runner_pid, row.runner_start_ticks);
}
