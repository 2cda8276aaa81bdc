import { beforeAll, afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildServer, type App } from '../platform/http/server.ts';
import type { Database } from '../platform/db/database.ts';
import { openTestDatabase } from './test-db.ts';

export interface TestApp {
  app: App;
  database: Database;
  /** JSON request helper: returns status and parsed body. */
  call<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T; raw: LightMyRequestResponse }>;
}

/** A server on this file's own database, for route tests through inject(). */
export function useTestApp(): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    t.database = await openTestDatabase();
    t.app = await buildServer({ database: t.database, webDist: '/nonexistent' });
    t.call = async (method, url, body) => {
      const raw = await t.app.inject({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: raw.statusCode, body: (raw.body ? raw.json() : undefined) as never, raw };
    };
  });
  afterAll(async () => {
    await t.app?.close();
  });
  return t;
}
