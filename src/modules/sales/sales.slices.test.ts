import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from '../../platform/db/database.ts';
import * as repo from './sales.repository.ts';
import { dupKey } from './sales.rules.ts';
import { nextSliceSize, SliceLoader } from './sales.slices.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});

/** A checked sale of a supplier and a unit outside the registry (no references), `fen` apart from the others. */
function sale(fen: number, refs: Partial<repo.SaleValues> = {}): repo.SaleValues {
  const v: repo.SaleValues = {
    sold_on: '2024-05-01', period_end: null, product_id: null, category: 'fungi', supplier_id: null, supplier_name: '外县合作社', county_code: '533401', channel: 'counter',
    buyer_type: 'individual', credited_org_id: null, credited_name: '某企业', amount_fen: fen, quantity: null, unit: null, households: null, activity_id: null, certified: false,
    note: null, owning_org_id: null, claim_status: 'confirmed', dup_key: '', ...refs,
  };
  v.dup_key = dupKey(v);
  return v;
}

const newImport = async () => {
  const id = await repo.insertImport(database.db, { file_name: 'slices.csv', format: 'csv', skip_invalid: false, total_bytes: 1, user_id: null, actor_name: 'test' });
  await repo.updateImport(database.db, id, { status: 'loading' });
  return id;
};
const statusesOf = async (id: number) =>
  (await database.db.selectFrom('sales').select(['source_row', 'dup_status']).where('import_id', '=', id).orderBy('source_row').execute()).map((r) => `${r.source_row}:${r.dup_status}`);

/** Rows through a loader with slices of `size`, flushed as the import does. */
async function load(loader: SliceLoader, sales: repo.SaleValues[]) {
  for (const [i, v] of sales.entries()) if (loader.add(v, i + 2)) await loader.flush();
  await loader.flush();
  await loader.settle();
}

describe('COPY slices of an import', () => {
  it('writes every slice, and flags duplicates within a slice, across slices and of counted sales', async () => {
    const counted = await newImport();
    await load(new SliceLoader(database.db, counted, 2), [sale(500)]);
    await repo.updateImport(database.db, counted, { status: 'done' });

    const id = await newImport();
    const loader = new SliceLoader(database.db, id, 3);
    // Slices: [100 101 100] [102 101 500] [103]: the third 100 in its own slice, 101 in the next, 500 counted already.
    await load(loader, [sale(100), sale(101), sale(100), sale(102), sale(101), sale(500), sale(103)]);
    expect(loader.loaded).toBe(7);
    expect(loader.duplicates).toBe(3);
    expect(await statusesOf(id)).toEqual(['2:unique', '3:unique', '4:flagged', '5:unique', '6:flagged', '7:flagged', '8:unique']);
  });

  it("ignores the rows of a failed import and of another import still loading", async () => {
    const other = await newImport();
    await load(new SliceLoader(database.db, other, 5), [sale(900)]);
    const id = await newImport();
    await load(new SliceLoader(database.db, id, 5), [sale(900)]);
    expect(await statusesOf(id)).toEqual(['2:unique']);
  });

  it('writes nothing more once discarded, and a failing COPY is thrown by settle', async () => {
    const id = await newImport();
    const loader = new SliceLoader(database.db, id, 2);
    expect(loader.add(sale(300), 2)).toBe(false);
    loader.discard();
    await loader.flush();
    expect(await statusesOf(id)).toEqual([]);
    loader.add(sale(301, { county_code: '1234567' }), 3); // longer than the column: the database refuses the slice
    await loader.flush();
    await expect(loader.settle()).rejects.toThrow(/too long|value too long/);
    expect(await statusesOf(id)).toEqual([]);
  });

  it('collects what the rows refer to, and finds those deleted meanwhile (the foreign keys COPY did not check)', async () => {
    const org = await database.db.insertInto('orgs').values({ name: '切片测试单位', side: 'east', type: 'district' } as never).returning('id').executeTakeFirstOrThrow();
    const id = await newImport();
    const loader = new SliceLoader(database.db, id, 10);
    await load(loader, [sale(400, { credited_org_id: org.id, credited_name: null }), sale(401, { supplier_id: 987_654_321, supplier_name: null })]);
    expect(loader.references.orgs).toEqual(new Set([org.id]));
    expect(await repo.lockReferences(database.db, loader.references)).toEqual([{ table: 'suppliers', id: 987_654_321 }]);
  });

  it('sizes the next slice to about 400 ms of COPY, within 5,000 and 100,000 rows', () => {
    expect(nextSliceSize(10_000, 200)).toBe(20_000);
    expect(nextSliceSize(5_000, 4_000)).toBe(5_000);
    expect(nextSliceSize(100_000, 10)).toBe(100_000);
  });

  it('knows every trigger on sales: each adds nothing for the rows of an import not done, so COPY may skip them (copyImportRows)', async () => {
    // A new trigger must be weighed against that before it joins this list.
    const known = ['ind_sale_del', 'ind_sale_ins', 'ind_sale_upd', 'ind_store_del', 'ind_store_ins', 'ind_store_upd'];
    const { rows } = await sql<{ name: string }>`select tgname as name from pg_trigger where tgrelid = 'sales'::regclass and not tgisinternal order by 1`.execute(database.db);
    expect(rows.map((r) => r.name).filter((name) => !known.includes(name))).toEqual([]);
  });
});
