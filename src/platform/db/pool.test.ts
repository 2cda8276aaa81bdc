import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { createTestDatabase } from '../../testing/test-db.ts';
import { resilientPool } from './pool.ts';

const onPostgres = inject('testDb').engine === 'postgres';
if (!onPostgres) console.log('pool.test: skipped on PGlite (it drops PostgreSQL server connections; runs with TEST_DATABASE_URL)');

describe.runIf(onPostgres)('a pool whose server drops its connections', () => {
  it('survives a checked-out connection terminated by the server: its query fails, the process does not, the next query reconnects', async () => {
    const config = await createTestDatabase();
    if (config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    const pool = resilientPool({ connectionString: config.url, max: 2 });
    const killer = new pg.Client({ connectionString: config.url });
    await killer.connect();
    const uncaught: unknown[] = [];
    const listen = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', listen);
    try {
      const held = await pool.connect(); // checked out: pg-pool keeps no error listener on it
      const pid = (await held.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await killer.query('select pg_terminate_backend($1)', [pid]);
      await new Promise((r) => setTimeout(r, 300)); // the socket's end arrives while the client is idle in our hands
      await expect(held.query('select 1')).rejects.toThrow();
      held.release(true);
      expect((await pool.query<{ one: number }>('select 1 as one')).rows[0]!.one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', listen);
      await killer.end();
      await pool.end();
    }
  });
});
