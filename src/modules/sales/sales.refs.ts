import type { Queryable } from '../../platform/db/database.ts';
import { regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import { activityInScope } from '../activities/activities.repository.ts';
import { effectiveStatus } from '../products/products.repository.ts';

export interface ProductRef { id: number; name: string; supplierId: number; category: string; countyCode: string; status: string; certifiedOn: string | null; validUntil: string | null; endedOn: string | null }
export interface SupplierRef { id: number; name: string; registrationNo: string | null; countyCode: string }
export interface OrgRef { id: number; name: string; side: 'east' | 'west' }

/**
 * What a sale refers to, looked up once: the products and suppliers in the caller's reach, the
 * organisations (any unit may be credited), the activities in scope. A single sale loads the ids it
 * names; a bulk import loads everything in reach, so its million rows are checked without a query each.
 */
export class SaleRefs {
  readonly products = new Map<number, ProductRef>();
  readonly suppliers = new Map<number, SupplierRef>();
  readonly orgs = new Map<number, OrgRef>();
  readonly activities = new Set<number>();
  private readonly supplierByName = new Map<string, SupplierRef>();
  private readonly orgByName = new Map<string, OrgRef>();
  private readonly productByName = new Map<string, ProductRef>();

  /** The unit the checked sales are owned by (an import's: the importer's own unit). */
  owningOrgId: number | null = null;

  constructor(readonly scope: Scope, readonly today: string) {}

  /** A supplier by registration number or exact name. */
  supplierNamed(text: string) {
    return this.supplierByName.get(text);
  }
  /** An organisation by exact name or alias. */
  orgNamed(text: string) {
    return this.orgByName.get(text);
  }
  /** A supplier's product by exact name. */
  productNamed(supplierId: number, name: string) {
    return this.productByName.get(`${supplierId}\u0000${name}`);
  }

  static async load(q: Queryable, scope: Scope, today: string, ids: { products?: number[]; suppliers?: number[]; orgs?: number[]; activities?: number[] } | 'all') {
    const refs = new SaleRefs(scope, today);
    const only = <T>(list: T[] | undefined) => (ids === 'all' ? undefined : (list ?? []).filter(Boolean));
    const pick = only(ids === 'all' ? [] : ids.products);
    const products = pick?.length === 0 ? [] : await q.selectFrom('products as p').where(regionCodeInScope(scope, 'p.county_code')).$if(!!pick, (qb) => qb.where('p.id', 'in', pick!))
      .select(['p.id', 'p.name', 'p.supplier_id', 'p.category', 'p.county_code', effectiveStatus(today).as('status'), 'p.certified_on', 'p.valid_until', 'p.ended_on']).execute();
    for (const p of products) {
      const ref = { id: p.id, name: p.name, supplierId: p.supplier_id, category: p.category, countyCode: p.county_code, status: p.status, certifiedOn: p.certified_on, validUntil: p.valid_until, endedOn: p.ended_on };
      refs.products.set(p.id, ref);
      refs.productByName.set(`${p.supplier_id}\u0000${p.name}`, ref);
    }
    const supplierIds = ids === 'all' ? undefined : [...(ids.suppliers ?? []), ...products.map((p) => p.supplier_id)].filter(Boolean);
    const suppliers = supplierIds?.length === 0 ? [] : await q.selectFrom('suppliers as s').where(regionCodeInScope(scope, 's.county_code')).$if(!!supplierIds, (qb) => qb.where('s.id', 'in', supplierIds!))
      .select(['s.id', 's.name', 's.registration_no', 's.county_code']).execute();
    for (const s of suppliers) {
      const ref = { id: s.id, name: s.name, registrationNo: s.registration_no, countyCode: s.county_code };
      refs.suppliers.set(s.id, ref);
      refs.supplierByName.set(s.name, ref);
      if (s.registration_no) refs.supplierByName.set(s.registration_no, ref);
    }
    const orgIds = only(ids === 'all' ? [] : ids.orgs);
    const orgs = orgIds?.length === 0 ? [] : await q.selectFrom('orgs').$if(!!orgIds, (qb) => qb.where('id', 'in', orgIds!)).select(['id', 'name', 'side', 'aliases']).execute();
    for (const o of orgs) {
      const ref = { id: o.id, name: o.name, side: o.side as 'east' | 'west' };
      refs.orgs.set(o.id, ref);
      for (const n of [o.name, ...(o.aliases ?? [])]) if (!refs.orgByName.has(n) || n === o.name) refs.orgByName.set(n, ref);
    }
    const activityIds = only(ids === 'all' ? [] : ids.activities);
    if (activityIds?.length !== 0) {
      const rows = await q.selectFrom('activities as a').where(activityInScope(scope)).$if(!!activityIds, (qb) => qb.where('a.id', 'in', activityIds!)).select('a.id').execute();
      for (const a of rows) refs.activities.add(a.id);
    }
    return refs;
  }
}
