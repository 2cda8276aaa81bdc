import { beforeAll, afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app/server.ts';
import type { Database } from '../platform/db/database.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from '../modules/users/users.service.ts';
import type { UserInput } from '../modules/users/users.contract.ts';
import { openTestDatabase } from './test-db.ts';

export const TEST_PASSWORD = 'Test-password-123';

/** A logged-in caller: the session cookie and its CSRF token, or an API token. */
export type Caller = { cookie: string; csrf: string } | { bearer: string } | null;

export interface Reply<T> {
  status: number;
  body: T;
  raw: LightMyRequestResponse;
}

export interface TestApp {
  app: App;
  database: Database;
  /** Logged in as a system administrator (every action, global scope). */
  admin: Caller;
  /** A JSON request, by default as the administrator; pass null to call anonymously. */
  /** `type` sets the body's content type (a Buffer is sent as an .xlsx unless told otherwise). */
  call<T = any>(method: string, url: string, body?: unknown, as?: Caller, type?: string): Promise<Reply<T>>;
  /** A raw file upload (CSV text or an .xlsx) with its content type. */
  upload<T = any>(url: string, file: Buffer | string, type: string, as?: Caller): Promise<Reply<T>>;
  login(username: string, password?: string): Promise<Caller>;
  /** Creates a user (password TEST_PASSWORD, no forced change) and logs them in. */
  userWith(input: Partial<UserInput> & Pick<UserInput, 'roles'>): Promise<{ id: number; username: string; caller: Caller }>;
}

let seq = 0;

/** A server on this file's own database, for route tests through inject(). */
export function useTestApp(): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    t.database = await openTestDatabase();
    t.app = await buildApp({ database: t.database, webDist: '/nonexistent' });
    t.call = async (method, url, body, as = t.admin, type?: string) => {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      if (as && 'cookie' in as) {
        headers.cookie = as.cookie;
        headers['x-csrf-token'] = as.csrf;
      }
      if (as && 'bearer' in as) headers.authorization = `Bearer ${as.bearer}`;
      if (Buffer.isBuffer(body) && !type) headers['content-type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const raw = await t.app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      const json = raw.body && String(raw.headers['content-type'] ?? '').includes('json');
      return { status: raw.statusCode, body: (json ? raw.json() : raw.rawPayload) as never, raw };
    };
    t.upload = (url, file, type, as = t.admin) => t.call('POST', url, Buffer.from(file), as, type);
    t.login = async (username, password = TEST_PASSWORD) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const session = res.cookies.find((c) => c.name === 'xiezuo_session')!;
      return { cookie: `xiezuo_session=${session.value}`, csrf: res.json().csrfToken };
    };
    t.userWith = async (input) => {
      const username = input.username ?? `u${process.pid % 10000}x${++seq}`;
      const user = await createUser(
        t.database.db,
        systemContext,
        { username, displayName: input.displayName ?? username, orgId: input.orgId ?? null, roles: input.roles, scopes: input.scopes ?? [], password: TEST_PASSWORD },
        { mustChangePassword: false },
      );
      return { id: user.id, username, caller: await t.login(username) };
    };
    t.admin = (await t.userWith({ roles: ['sys_admin'] })).caller;
  });
  afterAll(async () => {
    await t.app?.close();
  });
  return t;
}
