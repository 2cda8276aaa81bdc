import dayjs, { type Dayjs } from 'dayjs';
import type { Sale, SaleInput } from '../../../src/modules/sales/sales.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, yuanToFen } from '../../ui/money.ts';
import type { BuyerType, Category, Channel } from './consumptionEnums.ts';

/** A sale names a registered product, or just a category with the supplier (registered, or by name and county). */
export type SaleProductMode = 'product' | 'category';

export interface SaleFormValues {
  soldOn: Dayjs | null;
  periodEnd?: Dayjs | null;
  mode: SaleProductMode;
  productId?: number | null;
  category?: Category | null;
  supplierId?: number | null;
  supplierName?: string | null;
  countyCode?: string | null;
  channel: Channel;
  buyerType: BuyerType;
  creditedOrgId?: number | null;
  creditedName?: string | null;
  /** 元; sent as fen. */
  amountYuan: number | null;
  quantity?: number | null;
  unit?: string | null;
  households?: number | null;
  activityId?: number | null;
  note?: string | null;
}

export const SALE_FORM_FIELDS: FieldMapping = {
  fields: ['soldOn', 'periodEnd', 'productId', 'category', 'supplierId', 'supplierName', 'countyCode', 'channel', 'buyerType', 'creditedOrgId', 'creditedName', 'amountYuan', 'quantity', 'unit', 'households', 'activityId', 'note'],
  rename: { amountFen: 'amountYuan' },
};

export function saleFormValues(s: Sale | null): Partial<SaleFormValues> {
  if (!s) return { soldOn: dayjs(), mode: 'product' };
  return {
    soldOn: fromIsoDate(s.soldOn),
    periodEnd: fromIsoDate(s.periodEnd),
    mode: s.productId ? 'product' : 'category',
    productId: s.productId,
    category: s.category,
    supplierId: s.supplierId,
    supplierName: s.supplierId ? null : s.supplier,
    countyCode: s.supplierId ? null : s.countyCode,
    channel: s.channel,
    buyerType: s.buyerType,
    creditedOrgId: s.creditedOrgId,
    creditedName: s.creditedOrgId ? null : s.credited,
    amountYuan: fenToYuan(s.amountFen),
    quantity: s.quantity,
    unit: s.unit,
    households: s.households,
    activityId: s.activityId,
    note: s.note,
  };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toSaleInput(v: SaleFormValues): SaleInput {
  const byProduct = v.mode === 'product';
  return {
    soldOn: toIsoDate(v.soldOn) ?? '',
    periodEnd: toIsoDate(v.periodEnd),
    productId: byProduct ? (v.productId ?? null) : null,
    category: byProduct ? null : (v.category ?? null),
    supplierId: byProduct ? null : (v.supplierId ?? null),
    supplierName: byProduct || v.supplierId ? null : text(v.supplierName),
    countyCode: byProduct || v.supplierId ? null : (v.countyCode ?? null),
    channel: v.channel,
    buyerType: v.buyerType,
    creditedOrgId: v.creditedOrgId ?? null,
    creditedName: v.creditedOrgId ? null : text(v.creditedName),
    amountFen: yuanToFen(v.amountYuan),
    quantity: v.quantity ?? null,
    unit: text(v.unit),
    households: v.households ?? null,
    activityId: v.activityId ?? null,
    note: text(v.note),
  };
}
