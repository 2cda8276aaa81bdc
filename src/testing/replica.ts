import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildApp, type App } from '../app/server.ts';
import { systemContext } from '../platform/context.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createUser } from '../modules/users/users.service.ts';
import { isAlive } from '../platform/db/lock.ts';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';
const PREFIX = 'xiezuo-replica-';

/** A primary and a streaming replica of its own, on free ports in a temporary folder. */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops replaying WAL on the replica (it keeps receiving): it falls behind from the next write on. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and removes their folders. */
  stop(): Promise<void>;
}

/** Why a replica pair cannot be made here (no PostgreSQL 15 binaries, no postgres OS user), or null when it can. */
export function replicaPairUnavailable(): string | null {
  if (!fs.existsSync(path.join(BIN, 'pg_basebackup'))) return `PostgreSQL 15 binaries not found in ${BIN}`;
  if (process.getuid?.() !== 0) return 'needs root to run the servers as the postgres OS user';
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return 'no postgres OS user';
  }
  return null;
}

/** Root cannot run PostgreSQL: every server command runs as the postgres OS user. */
const asPostgres = (bin: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', path.join(BIN, bin), ...args], { timeout: 60_000 });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}


/** Pairs of earlier runs killed before their cleanup: their servers are stopped and folders removed. */
async function sweepLeftovers() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.startsWith(PREFIX) && name.slice(PREFIX.length).split('-')[0]);
    if (!pid || isAlive(pid)) continue;
    const dir = path.join(os.tmpdir(), name);
    for (const node of ['replica', 'primary']) await asPostgres('pg_ctl', ['-D', path.join(dir, node), '-m', 'immediate', 'stop']).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  await sweepLeftovers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  fs.chownSync(dir, uid, gid);
  const primary = path.join(dir, 'primary');
  const replica = path.join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  // Settings appended last win; sockets in the folder keep clear of the system server's.
  const settings = (port: number) =>
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 40\n`;
  const startServer = (data: string) => asPostgres('pg_ctl', ['-D', data, '-l', `${data}.log`, '-w', '-t', '30', 'start']);
  const stopServer = (data: string) => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  try {
    // initdb's pg_hba with --auth=trust already lets 127.0.0.1 connect for replication.
    await asPostgres('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(path.join(primary, 'postgresql.conf'), settings(primaryPort));
    await startServer(primary);
    await asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream', '-c', 'fast']);
    fs.appendFileSync(path.join(replica, 'postgresql.conf'), settings(replicaPort));
    await startServer(replica);
  } catch (err) {
    await stopServer(replica).catch(() => {});
    await stopServer(primary).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  const onReplica = async (text: string) => {
    const client = new pg.Client({ connectionString: replicaUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl,
    pauseReplay: () => onReplica('select pg_wal_replay_pause()'),
    resumeReplay: () => onReplica('select pg_wal_replay_resume()'),
    stopReplica: () => stopServer(replica).then(() => {}),
    startReplica: () => startServer(replica).then(() => {}),
    async stop() {
      await stopServer(replica).catch(() => {});
      await stopServer(primary).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ReplicaServer {
  app: App;
  database: Database;
  /** A new system administrator, logged in (not through the replica: sessions live on the primary). */
  signIn(username: string): Promise<{ id: number; cookie: string; csrf: string }>;
  close(): Promise<void>;
}

const PASSWORD = 'Test-password-123';

/** The product's server on a migrated primary, reading from the pair's replica with the lag limit and check interval given. */
export async function serveOnReplicaPair(pair: ReplicaPair, replica: { maxLagSeconds: number; checkIntervalMs: number }): Promise<ReplicaServer> {
  const database = await openDatabase({ engine: 'postgres', url: pair.primaryUrl, replica: { url: pair.replicaUrl, ...replica } });
  await migrate(database.db);
  const app = await buildApp({ database, webDist: '/nonexistent' });
  await app.ready(); // starts the lag watch
  return {
    app,
    database,
    async signIn(username) {
      const user = await createUser(database.db, systemContext, { username, displayName: username, orgId: null, roles: ['sys_admin'], scopes: [], password: PASSWORD }, { mustChangePassword: false });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const session = res.cookies.find((c) => c.name === 'xiezuo_session')!;
      return { id: user.id, cookie: `xiezuo_session=${session.value}`, csrf: res.json().csrfToken as string };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
