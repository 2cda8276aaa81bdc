import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from './database.ts';
import { copyCsv, copyRows, csvLine, syncIdentity } from './copy.ts';

let database: Database;
const target = { table: 'copy_probe', columns: ['id', 'label', 'amount', 'flag', 'on_date'] };

beforeAll(async () => {
  database = await openTestDatabase();
  await sql`create table copy_probe (id bigint generated always as identity primary key, label text, amount bigint not null check (amount > 0), flag boolean, on_date date)`.execute(database.db);
});

const rows = async () => (await sql<{ id: number; label: string | null; amount: number; flag: boolean | null; on_date: string | null }>`select * from copy_probe order by id`.execute(database.db)).rows;

describe('COPY through the engine (copyRows)', () => {
  it('writes every value as given: quotes, commas, line breaks, empty text apart from NULL, Chinese, ids', async () => {
    const given = [
      [1, '香格里拉, "松茸"', 100, true, '2024-03-05'],
      [2, '两行\n文字', 250, false, null],
      [3, '', 1, null, '2025-12-31'],
      [4, null, 9_007_199_254_740_991, true, new Date('2024-01-02T00:00:00Z')],
      [5, ' 前后空格 ', 7, false, '2024-02-29'],
    ] as const;
    expect(await copyRows(database.db, target, given)).toBe(5);
    expect(await rows()).toEqual([
      { id: 1, label: '香格里拉, "松茸"', amount: 100, flag: true, on_date: '2024-03-05' },
      { id: 2, label: '两行\n文字', amount: 250, flag: false, on_date: null },
      { id: 3, label: '', amount: 1, flag: null, on_date: '2025-12-31' },
      { id: 4, label: null, amount: 9_007_199_254_740_991, flag: true, on_date: '2024-01-02' },
      { id: 5, label: ' 前后空格 ', amount: 7, flag: false, on_date: '2024-02-29' },
    ]);
    await syncIdentity(database.db, 'copy_probe');
    const next = await sql<{ id: number }>`insert into copy_probe (label, amount) values ('next', 1) returning id`.execute(database.db);
    expect(next.rows[0].id).toBe(6);
  });

  it('writes nothing when one row breaks a rule, and says which', async () => {
    const before = (await rows()).length;
    const many = Array.from({ length: 30_000 }, (_, i) => [100 + i, `行${i}`, i === 29_000 ? 0 : 5, null, null] as const);
    await expect(copyRows(database.db, target, many)).rejects.toThrow(/copy_probe_amount_check|check constraint/);
    expect((await rows()).length).toBe(before);
  });

  it('writes nothing when the rows fail while being produced (a generator that throws)', async () => {
    const before = (await rows()).length;
    function* failing() {
      for (let i = 0; i < 50_000; i++) yield [1_000 + i, 'x'.repeat(40), 1, true, null] as const;
      throw new Error('source failed');
    }
    await expect(copyRows(database.db, target, failing())).rejects.toThrow('source failed');
    expect((await rows()).length).toBe(before);
    // The connection is usable afterwards.
    expect((await sql<{ n: number }>`select 1::int as n`.execute(database.db)).rows[0].n).toBe(1);
  });

  it('refuses a row with the wrong number of values', async () => {
    await expect(copyRows(database.db, target, [[1, 'a', 1, true]])).rejects.toThrow('4 values for 5 columns');
  });

  it('without triggers when asked: no trigger fires, no foreign key is checked; otherwise both', async () => {
    await sql`create table copy_parent (id int primary key)`.execute(database.db);
    await sql`create table copy_child (id int, parent_id int references copy_parent (id), note text check (note <> 'bad'))`.execute(database.db);
    await sql`create function copy_refuse() returns trigger language plpgsql as $$ begin raise exception 'trigger fired'; end $$`.execute(database.db);
    await sql`create trigger copy_refuse after insert on copy_child for each statement execute function copy_refuse()`.execute(database.db);
    const child = { table: 'copy_child', columns: ['id', 'parent_id', 'note'] };
    await expect(copyRows(database.db, child, [[1, 7, 'x']])).rejects.toThrow(/foreign key/);
    await expect(copyRows(database.db, child, [[1, null, 'x']])).rejects.toThrow(/trigger fired/);
    expect(await copyRows(database.db, child, [[1, 7, 'x'], [2, null, null]], { withoutTriggers: true })).toBe(2);
    await expect(copyRows(database.db, child, [[3, null, 'bad']], { withoutTriggers: true })).rejects.toThrow(/check constraint/);
    // Replica mode ended with the statement: the next one on the pool checks and fires again.
    await expect(sql`insert into copy_child values (4, 8, 'y')`.execute(database.db)).rejects.toThrow(/foreign key|trigger fired/);
    expect((await sql<{ role: string }>`select current_setting('session_replication_role') as role`.execute(database.db)).rows[0].role).toBe('origin');
    expect((await sql<{ n: number }>`select count(*)::int as n from copy_child`.execute(database.db)).rows[0].n).toBe(2);
  });

  it('copies CSV text as it is (copyCsv), bytes or text', async () => {
    await sql`create table copy_text (a text, b text)`.execute(database.db);
    await copyCsv(database.db, { table: 'copy_text', columns: ['a', 'b'] }, (async function* () {
      yield Buffer.from('甲,"1,2"\n');
      yield '乙,\n';
    })());
    expect((await sql<{ a: string; b: string | null }>`select * from copy_text order by a`.execute(database.db)).rows).toEqual([{ a: '乙', b: null }, { a: '甲', b: '1,2' }]);
  });

  it('quotes only what CSV needs quoted', () => {
    expect(csvLine([1, 'a', null, '', true, 'x,y', 'say "hi"'])).toBe('1,a,,"",t,"x,y","say ""hi"""\n');
  });
});
