import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/test-db.ts';
import { systemContext } from '../context.ts';
import { writeAudits } from '../audit.ts';
import { columnTypesOf, insertUnnest, reserveIds, type ColumnTypes } from './unnest.ts';

// Texts an array literal must escape: quotes, backslashes, braces, commas, blanks, NULL-looking words.
const AWKWARD = ['"引号"', 'back\\slash', '{大括号}', 'a,b', '  空格 ', 'NULL', '', '多行\n文本'];

describe('bulk writes', () => {
  it('inserts every row with its reserved id and awkward text intact', async () => {
    const { db } = await openTestDatabase();
    await sql`create table bulk_probe (id bigint generated always as identity primary key, label text, n integer, on_date date)`.execute(db);
    const ids = await reserveIds(db, 'bulk_probe', AWKWARD.length + 1);
    type Probe = { id: number; label: string | null; n: number | null; on_date: string | null };
    const rows: Probe[] = [...AWKWARD.map((label, i) => ({ id: ids[i], label, n: i, on_date: '2024-03-01' })), { id: ids[AWKWARD.length], label: null, n: null, on_date: null }];
    await insertUnnest(db, 'bulk_probe', (await columnTypesOf(db, 'bulk_probe')) as ColumnTypes<Probe>, rows);
    const back = await sql<Probe>`select * from bulk_probe order by id`.execute(db);
    expect(back.rows).toEqual(rows);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes many audit entries in one statement, each as writeAudit would', async () => {
    const { db } = await openTestDatabase();
    await writeAudits(db, systemContext, AWKWARD.map((label, i) => ({ entity: 'probe', entityId: i, action: 'create', after: { label, at: new Date('2024-03-01T00:00:00Z') } })));
    const rows = await db.selectFrom('audit_log').select(['entity_id', 'actor_name', 'before', 'after']).where('entity', '=', 'probe').orderBy('id').execute();
    expect(rows).toEqual(AWKWARD.map((label, i) => ({ entity_id: String(i), actor_name: 'system', before: null, after: { label, at: '2024-03-01T00:00:00.000Z' } })));
  });
});
