import { z } from 'zod';
import type { Queryable } from '../../platform/db/database.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import { allPages } from '../../platform/excel/export.ts';
import * as repo from './products.repository.ts';
import { CATEGORIES, type catalogue, type CatalogueQuery, type Category } from './products.contract.ts';
import { todayInChina } from './products.workflow.ts';

/** The public catalogue: certified products within their validity, and only what a buyer needs to know. */
export async function publicCatalogue(q: Queryable, f: CatalogueQuery): Promise<z.infer<typeof catalogue>> {
  const { rows, total, counties, categories } = await repo.catalogue(q, f, todayInChina());
  return {
    items: rows.map((r) => ({
      id: r.id, name: r.name, category: r.category as Category, categoryLabel: CATEGORIES[r.category as Category] ?? r.category, countyCode: r.county_code, countyName: r.county_name,
      supplierName: r.supplier_name, specification: r.specification, priceFen: Number(r.price_fen), unit: r.unit, batchNo: r.batch_no!, certifiedOn: r.certified_on!, validUntil: r.valid_until!,
    })),
    total, page: f.page, pageSize: f.pageSize,
    counties: counties.map((c) => ({ code: c.county_code, name: c.name, count: c.n })),
    categories: categories.map((c) => ({ code: c.category as Category, label: CATEGORIES[c.category as Category] ?? c.category, count: c.n })),
  };
}

const COLUMNS: Column[] = [
  { header: '县', key: 'county', kind: 'text', width: 14 },
  { header: '品类', key: 'category', kind: 'text' },
  { header: '产品名称', key: 'name', kind: 'text', width: 24 },
  { header: '供应主体', key: 'supplierName', kind: 'text', width: 30 },
  { header: '规格', key: 'specification', kind: 'text', width: 16 },
  { header: '价格（元）', key: 'price', kind: 'yuan' },
  { header: '计价单位', key: 'unit', kind: 'text' },
  { header: '认定批次', key: 'batchNo', kind: 'text', width: 16 },
  { header: '认定日期', key: 'certifiedOn', kind: 'date' },
  { header: '有效期至', key: 'validUntil', kind: 'date' },
];

/** The catalogue as a spreadsheet, every page of it. */
export async function catalogueSheet(q: Queryable, f: Omit<CatalogueQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const items = await allPages((page, pageSize) => publicCatalogue(q, { ...f, page, pageSize, order: 'asc' }));
  const rows = items.map((i) => ({ county: i.countyName ?? i.countyCode, category: i.categoryLabel, name: i.name, supplierName: i.supplierName, specification: i.specification, price: i.priceFen, unit: i.unit, batchNo: i.batchNo, certifiedOn: i.certifiedOn, validUntil: i.validUntil }));
  return writeSheet(COLUMNS, rows, { sheetName: '消费帮扶产品目录' });
}
