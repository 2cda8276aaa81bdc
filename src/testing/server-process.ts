import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/xiezuo.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTED = '协作 Xiezuo 已启动';

/** A logged-in caller of a real server: its session cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A `xiezuo serve` child process, ready (its /readyz answered 200), with its JSON log lines kept. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Each stdout line parsed (pino JSON), in order; a line that is not JSON is kept as { msg }. */
  lines: Record<string, unknown>[];
  stderr: string[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  call<T = any>(method: string, path: string, body?: unknown, as?: Session | null, type?: string): Promise<Answer<T>>;
  login(username: string, password: string): Promise<Session>;
  kill(signal: NodeJS.Signals): void;
}

/** Creates a system administrator the way an operator would: `xiezuo users create-admin`, before the server starts. */
export async function createAdminByCli(env: NodeJS.ProcessEnv, username: string, password: string): Promise<void> {
  await promisify(execFile)(process.execPath, [BIN, 'users', 'create-admin', '--username', username], { cwd: ROOT, env: { ...env, XIEZUO_ADMIN_PASSWORD: password } });
}

/**
 * Starts `node bin/xiezuo.mjs serve` on a free port (PORT=0, the port read from its start line) and
 * waits until /readyz answers 200. The environment points it at its database (test-db.ts envFor).
 */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: { ...env, XIEZUO_LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1' } /* info: the start line names the port */, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let port: number | null = null;
  let rest = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const text of parts.filter(Boolean)) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text);
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      if (String(line.msg ?? '').startsWith(STARTED) && typeof line.port === 'number') port = line.port;
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));

  const server: ServerProcess = {
    child, pid: child.pid!, lines, stderr, exited, url: '',
    async call(method, path, body, as = null, type) {
      const headers: Record<string, string> = {};
      if (as) Object.assign(headers, { cookie: as.cookie, 'x-csrf-token': as.csrf });
      let payload: BodyInit | undefined;
      if (body !== undefined) {
        const raw = typeof body === 'string' || Buffer.isBuffer(body);
        headers['content-type'] = type ?? (raw ? 'text/csv' : 'application/json');
        payload = raw ? (body as BodyInit) : JSON.stringify(body);
      }
      const res = await fetch(`${server.url}${path}`, { method, headers, body: payload });
      const json = (res.headers.get('content-type') ?? '').includes('json');
      return { status: res.status, body: json ? await res.json() : await res.text(), headers: res.headers };
    },
    async login(username, password) {
      const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('xiezuo_session='))!;
      return { cookie: session, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    },
    kill(signal) {
      child.kill(signal);
    },
  };

  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${stderr.join('')}\n${lines.map((l) => l.msg).join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within ${timeoutMs} ms:\n${stderr.join('')}`);
    }
    if (port !== null) {
      server.url = `http://127.0.0.1:${port}`;
      const ready = await fetch(`${server.url}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) return server;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
