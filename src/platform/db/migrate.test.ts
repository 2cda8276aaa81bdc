import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});

describe('migrations', () => {
  it('records every migration with its checksum and applies nothing twice', async () => {
    const files = readMigrations();
    const rows = await database.db.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    expect(rows.map((r) => [r.name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect((await migrate(database.db)).applied).toEqual([]);
  });

  it('refuses to start when a landed migration was edited, naming the file', async () => {
    const files = readMigrations();
    files[1] = { ...files[1], sql: `${files[1].sql}\n-- edited`, checksum: 'different' };
    await expect(migrate(database.db, files)).rejects.toMatchObject({ code: 'MIGRATION_EDITED', message: expect.stringContaining(files[1].name) });
  });

  it('applies a new migration and its record atomically: a failing one leaves no trace', async () => {
    const files = readMigrations();
    const broken = { version: '9998', name: '9998_broken.sql', sql: 'create table half_done (id int); select no_such_function();', checksum: 'x' };
    await expect(migrate(database.db, [...files, broken])).rejects.toThrow();
    const table = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(database.db);
    expect(table.rows[0].n).toBe(0);
    expect(await database.db.selectFrom('schema_migrations').select('version').where('version', '=', '9998').execute()).toEqual([]);
  });

  it('rebuilds the regions indexes and foreign key after the bulk load', async () => {
    const ix = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'regions' order by indexname`.execute(database.db);
    expect(ix.rows.map((r) => r.indexname)).toEqual(['regions_code_prefix', 'regions_name', 'regions_parent', 'regions_pkey', 'regions_short_name']);
    const fk = await sql<{ n: number }>`select count(*)::int as n from pg_constraint where conrelid = 'regions'::regclass and contype = 'f'`.execute(database.db);
    expect(fk.rows[0].n).toBe(1);
  });

  it('keeps audit rows immutable even for direct SQL', async () => {
    await database.db.insertInto('audit_log').values({ actor_name: 't', entity: 'x', entity_id: '1', action: 'create', before: null, after: null, actor_id: null, ip: null }).execute();
    await expect(sql`update audit_log set action = 'forged'`.execute(database.db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/cannot be changed/);
  });
});
