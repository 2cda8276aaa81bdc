import dayjs, { type Dayjs } from 'dayjs';
import type { Product, ProductInput, ProductPatch } from '../../../src/modules/products/products.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, yuanToFen } from '../../ui/money.ts';
import type { Category } from './consumptionEnums.ts';

/** The 申请认定 form: the price in 元 (sent as fen), the applied date as a picker value. */
export interface ProductFormValues {
  supplierId: number | null;
  name: string;
  category: Category;
  originRegion: string | null;
  specification: string;
  priceYuan: number | null;
  unit: string;
  qualityDocuments: string[];
  benefitNote: string;
  appliedOn: Dayjs | null;
}

export const PRODUCT_FORM_FIELDS: FieldMapping = {
  fields: ['supplierId', 'name', 'category', 'originRegion', 'specification', 'priceYuan', 'unit', 'qualityDocuments', 'benefitNote', 'appliedOn'],
  rename: { priceFen: 'priceYuan' },
};

export function productFormValues(p: Product | null, supplierId: number | null): Partial<ProductFormValues> {
  if (!p) return { supplierId, qualityDocuments: [], appliedOn: dayjs() };
  return {
    supplierId: p.supplierId,
    name: p.name,
    category: p.category,
    originRegion: p.originRegion,
    specification: p.specification,
    priceYuan: fenToYuan(p.priceFen),
    unit: p.unit,
    qualityDocuments: p.qualityDocuments,
    benefitNote: p.benefitNote,
  };
}

/** What an application says about the product (PATCH sends only this: supplier and date are fixed once applied). */
export function toProductPatch(v: ProductFormValues): ProductPatch {
  return {
    name: v.name?.trim(),
    category: v.category,
    originRegion: v.originRegion ?? '',
    specification: v.specification?.trim(),
    priceFen: yuanToFen(v.priceYuan),
    unit: v.unit?.trim(),
    qualityDocuments: (v.qualityDocuments ?? []).map((d) => d.trim()).filter(Boolean),
    benefitNote: v.benefitNote?.trim(),
  };
}

export function toProductInput(v: ProductFormValues): ProductInput {
  return { ...(toProductPatch(v) as Required<ProductPatch>), supplierId: v.supplierId ?? 0, appliedOn: toIsoDate(v.appliedOn) ?? undefined };
}
