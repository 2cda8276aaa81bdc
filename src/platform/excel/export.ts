import type { Db } from '../db/database.ts';
import type { RequestContext } from '../context.ts';
import type { Page } from '../contract.ts';
import { writeAudit } from '../audit.ts';
import type { Column } from './columns.ts';
import { writeSheet } from './workbook.ts';

const PAGE = 200;

/** Every page of a filtered, scoped list, in order. */
export async function allPages<T>(fetch: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const p = await fetch(page, PAGE);
    items.push(...p.items);
    if (p.items.length < PAGE || items.length >= p.total) return items;
  }
}

/** The export of a list as offices exchange it: every row the caller may see, the export audited. */
export async function exportSheet<T>(
  db: Db,
  ctx: RequestContext,
  spec: { entity: string; columns: Column[]; sheetName: string; filters: unknown },
  fetch: (page: number, pageSize: number) => Promise<Page<T>>,
  toRow: (item: T) => Record<string, unknown>,
): Promise<Buffer> {
  const rows = (await allPages(fetch)).map(toRow);
  await writeAudit(db, ctx, { entity: spec.entity, entityId: null, action: 'export', after: { filters: spec.filters, rows: rows.length } });
  return writeSheet(spec.columns, rows as never, { sheetName: spec.sheetName });
}
