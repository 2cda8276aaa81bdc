import type { Dayjs } from 'dayjs';
import type { Donation, DonationInput } from '../../../src/modules/donations/donations.contract.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { fenToYuan, yuanToFen } from '../../ui/money.ts';
import type { DonationKind } from './donations.api.ts';

export interface DonationItemValues {
  item?: string;
  quantity?: number | null;
  unit?: string;
  /** 元; sent as fen. */
  valueYuan?: number | null;
}

export interface DonationFormValues {
  kind: DonationKind;
  donorOrgId?: number | null;
  donorName?: string | null;
  recipientOrgId?: number | null;
  recipientRegion?: string | null;
  /** Cash: the amount; goods: the declared value (may be left empty when every item has a value). In 元. */
  valueYuan?: number | null;
  items?: DonationItemValues[];
  purpose?: string | null;
  donatedOn: Dayjs | null;
  pairingId?: number | null;
  activityId?: number | null;
}

export const DONATION_FORM_FIELDS: FieldMapping = {
  fields: ['kind', 'donorOrgId', 'donorName', 'recipientOrgId', 'recipientRegion', 'valueYuan', 'items', 'items.*.item', 'items.*.quantity', 'items.*.unit', 'items.*.valueYuan', 'purpose', 'donatedOn', 'pairingId', 'activityId'],
  rename: { valueFen: 'valueYuan', 'items.*.valueFen': 'items.*.valueYuan' },
};

export interface DonationDefaults {
  pairingId?: number | null;
  activityId?: number | null;
  donatedOn?: string | null;
}

export function donationFormValues(d: Donation | null, defaults: DonationDefaults = {}): Partial<DonationFormValues> {
  if (!d) return { kind: 'cash', items: [], pairingId: defaults.pairingId ?? null, activityId: defaults.activityId ?? null, donatedOn: fromIsoDate(defaults.donatedOn) };
  return {
    kind: d.kind,
    donorOrgId: d.donorOrgId,
    donorName: d.donorName,
    recipientOrgId: d.recipientOrgId,
    recipientRegion: d.recipientRegion,
    valueYuan: fenToYuan(d.valueFen),
    items: d.items.map((i) => ({ item: i.item, quantity: i.quantity, unit: i.unit, valueYuan: i.valueFen == null ? null : fenToYuan(i.valueFen) })),
    purpose: d.purpose,
    donatedOn: fromIsoDate(d.donatedOn),
    pairingId: d.pairingId,
    activityId: d.activityId,
  };
}

/** The items' value in fen when every item has one, else null (then the declared value is needed). */
export function itemsFenOf(items: DonationItemValues[] | undefined): number | null {
  const list = items ?? [];
  if (!list.length || list.some((i) => i?.valueYuan == null)) return null;
  return list.reduce((sum, i) => sum + yuanToFen(i.valueYuan), 0);
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toDonationInput(v: DonationFormValues): DonationInput {
  const goods = v.kind === 'goods';
  return {
    kind: v.kind,
    donorOrgId: v.donorOrgId ?? null,
    donorName: blankToNull(v.donorName),
    recipientOrgId: v.recipientOrgId ?? null,
    recipientRegion: v.recipientRegion ?? null,
    valueFen: v.valueYuan == null ? null : yuanToFen(v.valueYuan),
    items: goods ? (v.items ?? []).map((i) => ({ item: i.item?.trim() ?? '', quantity: i.quantity ?? 0, unit: i.unit?.trim() ?? '', valueFen: i.valueYuan == null ? null : yuanToFen(i.valueYuan) })) : [],
    purpose: blankToNull(v.purpose),
    donatedOn: toIsoDate(v.donatedOn) ?? '',
    pairingId: v.pairingId ?? null,
    activityId: v.activityId ?? null,
  };
}
