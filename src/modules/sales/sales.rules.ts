import { refMessage } from '../references/references.ts';
import { claimStatusFor } from '../../platform/access/ownership.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { regionInScope, orgInScope } from '../../platform/access/scope.ts';
import type { SaleValues } from './sales.repository.ts';
import type { SaleInput } from './sales.contract.ts';
import type { SaleRefs } from './sales.refs.ts';

/** Supplier, channel, date, amount and credited unit: two sales alike in all five are one sale reported twice, until someone says otherwise. */
export function dupKey(v: Pick<SaleValues, 'supplier_id' | 'supplier_name' | 'channel' | 'sold_on' | 'amount_fen' | 'credited_org_id' | 'credited_name'>): string {
  const supplier = v.supplier_id ? `s${v.supplier_id}` : `n${v.supplier_name}`;
  const credited = v.credited_org_id ? `o${v.credited_org_id}` : `n${v.credited_name}`;
  return `${supplier}|${v.channel}|${v.sold_on}|${v.amount_fen}|${credited}`;
}

/** Certified on the day of the sale: after 认定, within the validity, before any 下架/撤销. */
function certifiedOn(p: { certifiedOn: string | null; validUntil: string | null; endedOn: string | null; status: string }, day: string): boolean {
  if (!p.certifiedOn || !p.validUntil || day < p.certifiedOn || day > p.validUntil) return false;
  return !(p.endedOn && (p.status === 'delisted' || p.status === 'revoked') && day >= p.endedOn);
}

/**
 * The rules of one sale, the same for a form and for a row of a million-row file: what it sells
 * (a product in reach, or a category and a supplier), where it counts (the supplier's county), who it
 * is credited to, that it lies in the caller's reach, and that no delisted product is sold after its
 * delisting. Throws a 400/403/422 naming the field; returns the row to store.
 */
export function checkSale(v: SaleInput, refs: SaleRefs): SaleValues {
  if (v.soldOn > refs.today) throw invalidField('soldOn', '销售日期不能晚于今天');
  if (v.periodEnd && v.periodEnd < v.soldOn) throw invalidField('periodEnd', '截止日期不能早于销售日期');
  const product = v.productId ? refs.products.get(v.productId) : undefined;
  if (v.productId && !product) throw invalidField('productId', refMessage('product', v.productId));
  if (product && v.supplierId && v.supplierId !== product.supplierId) throw invalidField('supplierId', `产品「${product.name}」不属于该供应主体`);
  const supplierId = product?.supplierId ?? v.supplierId ?? null;
  const supplier = supplierId ? refs.suppliers.get(supplierId) : undefined;
  if (supplierId && !supplier) throw invalidField('supplierId', refMessage('supplier', supplierId));
  if (!supplier && !v.supplierName) throw invalidField('supplierId', '请选择供应主体，或填写供应主体名称');
  const category = product?.category ?? v.category;
  if (!category) throw invalidField('category', '未选择产品时须填写品类');
  if (product && v.category && v.category !== product.category) throw invalidField('category', `产品「${product.name}」的品类不是所填品类`);
  const county = supplier?.countyCode ?? v.countyCode;
  if (!county) throw invalidField('countyCode', '供应主体不在系统中时须填写县代码');
  if (!v.creditedOrgId && !v.creditedName) throw invalidField('creditedOrgId', '请选择计入单位，或填写计入单位名称');
  const credited = v.creditedOrgId ? refs.orgs.get(v.creditedOrgId) : undefined;
  if (v.creditedOrgId && !credited) throw invalidField('creditedOrgId', refMessage('org', v.creditedOrgId));
  if (credited && credited.side !== 'east') throw invalidField('creditedOrgId', `「${credited.name}」不是东部（上海）方单位，销售应计入东部单位`);
  if (v.activityId && !refs.activities.has(v.activityId)) throw invalidField('activityId', refMessage('activity', v.activityId));
  if (!regionInScope(refs.scope, county) && !(credited && orgInScope(refs.scope, credited.id))) {
    throw new AppError('FORBIDDEN', `该销售不在您的数据范围内：县 ${county} 与计入单位都不属于您的范围`, [{ path: 'countyCode', message: '超出数据范围' }]);
  }
  if (product && (product.status === 'delisted' || product.status === 'revoked') && product.endedOn && v.soldOn > product.endedOn) {
    const what = product.status === 'delisted' ? '下架' : '撤销';
    throw new AppError('RULE_VIOLATION', `产品「${product.name}」已于 ${product.endedOn} ${what}，${v.soldOn} 的销售不能计入`, [{ path: 'soldOn', message: `晚于${what}日期 ${product.endedOn}` }]);
  }
  // One object literal, its key set last: a spread copy costs several times the rest of the rules on a million-row import.
  const row: SaleValues = {
    sold_on: v.soldOn, period_end: v.periodEnd ?? null, product_id: product?.id ?? null, category, supplier_id: supplier?.id ?? null, supplier_name: supplier ? null : v.supplierName!.trim(),
    county_code: county, channel: v.channel, buyer_type: v.buyerType, credited_org_id: credited?.id ?? null, credited_name: credited ? null : v.creditedName!.trim(),
    amount_fen: v.amountFen, quantity: v.quantity ?? null, unit: v.unit ?? null, households: v.households ?? null, activity_id: v.activityId ?? null,
    certified: product ? certifiedOn(product, v.soldOn) : false, note: v.note ?? null,
    // Credited to a unit outside the creator's reach: counts for that unit once it confirms (认领).
    owning_org_id: refs.owningOrgId, claim_status: claimStatusFor(refs.scope, { orgId: credited?.id }), dup_key: '',
  };
  row.dup_key = dupKey(row);
  return row;
}
