import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from '../db/database.ts';
import type { Feature } from '../feature.ts';
import type { Authenticator } from '../access/authenticated.ts';
import { buildServer } from './server.ts';

/** The platform serves whatever features it is given: their routes, their start work in order, their stops in reverse. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const nobody: Authenticator = { session: async () => null, token: async () => null };

describe('the server built from a list of features', () => {
  it('registers each feature\'s routes, starts them in order when ready and stops them in reverse on close', async () => {
    const events: string[] = [];
    const feature = (name: string, withStop: boolean): Feature => ({
      name,
      setup: () => ({
        routes: (app) => app.get(`/${name}`, { config: { access: 'public' } }, async () => ({ name })),
        start: () => {
          events.push(`start ${name}`);
          return withStop ? () => void events.push(`stop ${name}`) : undefined;
        },
      }),
    });
    const app = await buildServer({ database, webDist: '/nonexistent', authenticator: nobody, features: [feature('a', true), feature('b', false), feature('c', true)] });
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/api/v1/b' })).json()).toEqual({ name: 'b' });
    await app.close();
    expect(events).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop a']);
  });
});
