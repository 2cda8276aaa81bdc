import type { MECHANISMS, SUPPLIER_KINDS } from '../../../src/modules/suppliers/suppliers.contract.ts';
import type { CATEGORIES, DEPARTMENTS, END_REASONS, STATUSES, STEP_ACTIONS } from '../../../src/modules/products/products.contract.ts';
import type { BUYER_TYPES, CHANNELS, DUP_STATUSES, IMPORT_STATUSES } from '../../../src/modules/sales/sales.contract.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

/**
 * The codes of the 消费帮扶 contracts, listed here so the bundle does not pull in zod (the contracts build zod schemas).
 * `Record<Code, true>` makes the compiler fail when the backend adds or drops a code; labels live in the catalogs.
 */
type CodeSet<M> = Record<keyof M & string, true>;
const codes = <C extends string>(set: Record<C, true>) => Object.keys(set) as C[];

export type SupplierKind = keyof typeof SUPPLIER_KINDS;
export type Mechanism = keyof typeof MECHANISMS;
export type Category = keyof typeof CATEGORIES;
export type Department = keyof typeof DEPARTMENTS;
export type ProductStatus = keyof typeof STATUSES;
export type StepAction = keyof typeof STEP_ACTIONS;
export type EndReason = keyof typeof END_REASONS;
export type Channel = keyof typeof CHANNELS;
export type BuyerType = keyof typeof BUYER_TYPES;
export type DupStatus = keyof typeof DUP_STATUSES;
export type ImportStatus = keyof typeof IMPORT_STATUSES;

const supplierKinds: CodeSet<typeof SUPPLIER_KINDS> = { enterprise: true, cooperative: true, household: true, other: true };
const mechanisms: CodeSet<typeof MECHANISMS> = { employment: true, order: true, land: true, dividend: true, other: true };
const categories: CodeSet<typeof CATEGORIES> = { grain_oil: true, meat_egg: true, fungi: true, tea: true, fruit_veg: true, herbs: true, dairy: true, processed: true, crafts: true, other: true };
const departments: CodeSet<typeof DEPARTMENTS> = { agriculture: true, market: true, industry: true, rural: true, commerce: true, finance: true };
const statuses: CodeSet<typeof STATUSES> = { applied: true, reviewing: true, approved: true, rejected: true, notice: true, certified: true, delisted: true, revoked: true, expired: true };
const endReasons: CodeSet<typeof END_REASONS> = { quality: true, price: true, mechanism: true, supplier: true, other: true };
const channels: CodeSet<typeof CHANNELS> = { exhibition_center: true, counter: true, ecommerce: true, livestream: true, p832: true, union: true, canteen: true, supermarket: true, fair: true, other: true };
const buyerTypes: CodeSet<typeof BUYER_TYPES> = { budget_unit: true, union: true, enterprise: true, individual: true };
const dupStatuses: CodeSet<typeof DUP_STATUSES> = { unique: true, flagged: true, duplicate: true, distinct: true };

export const SUPPLIER_KIND_CODES = codes(supplierKinds);
export const MECHANISM_CODES = codes(mechanisms);
export const CATEGORY_CODES = codes(categories);
export const DEPARTMENT_CODES = codes(departments);
export const PRODUCT_STATUS_CODES = codes(statuses);
export const END_REASON_CODES = codes(endReasons);
export const CHANNEL_CODES = codes(channels);
export const BUYER_TYPE_CODES = codes(buyerTypes);
export const DUP_STATUS_CODES = codes(dupStatuses);
/** An import still running: its progress is polled. */
export const RUNNING_IMPORT: ImportStatus[] = ['queued', 'checking', 'loading'];

export const PRODUCT_STATUS_COLORS: Record<ProductStatus, string> = {
  applied: 'default',
  reviewing: 'processing',
  approved: 'cyan',
  rejected: 'error',
  notice: 'gold',
  certified: 'success',
  delisted: 'warning',
  revoked: 'error',
  expired: 'default',
};
export const DUP_STATUS_COLORS: Record<DupStatus, string> = { unique: 'default', flagged: 'warning', duplicate: 'error', distinct: 'green' };
export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = { queued: 'default', checking: 'processing', loading: 'processing', done: 'success', failed: 'error' };

export const supplierKindLabel = (t: Translate, c: string) => label(t, 'supplierKind', c);
export const mechanismLabel = (t: Translate, c: string) => label(t, 'mechanism', c);
export const categoryLabel = (t: Translate, c: string) => label(t, 'productCategory', c);
export const departmentLabel = (t: Translate, c: string) => label(t, 'department', c);
export const productStatusLabel = (t: Translate, c: string) => label(t, 'productStatus', c);
export const stepActionLabel = (t: Translate, c: string) => label(t, 'productStep', c);
export const endReasonLabel = (t: Translate, c: string) => label(t, 'endReason', c);
export const channelLabel = (t: Translate, c: string) => label(t, 'saleChannel', c);
export const buyerTypeLabel = (t: Translate, c: string) => label(t, 'buyerType', c);
export const dupStatusLabel = (t: Translate, c: string) => label(t, 'dupStatus', c);
export const importStatusLabel = (t: Translate, c: string) => label(t, 'importStatus', c);
