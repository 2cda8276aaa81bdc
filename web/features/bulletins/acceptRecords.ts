import type { Dayjs } from 'dayjs';
import type { AcceptRecords, Draft } from '../../../src/modules/bulletins/bulletins.contract.ts';
import type { TargetGroup } from '../../../src/modules/training/training.contract.ts';
import type { SaleInput } from '../../../src/modules/sales/sales.contract.ts';
import type { Destination } from '../../../src/modules/labor/labor.contract.ts';
import { toIsoDate } from '../../ui/dates.ts';
import { yuanToFen } from '../../ui/money.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { INDUSTRY_FIELDS, industryDefaults, toIndustryRecords, type IndustryValues } from './acceptIndustry.ts';

/** 同时登记 in the 采用 form: a cash donation, a training, an agreement, a sale, placements and the 产业合作 records, each with a checkbox; empty fields are the activity's. */
export interface RecordValues extends IndustryValues {
  withDonation: boolean;
  donation: { valueYuan: number | null; donorOrgId?: number | null; donorName?: string; recipientRegion?: string | null; donatedOn?: Dayjs | null; purpose?: string };
  withTraining: boolean;
  training: { title?: string; targetGroup: TargetGroup; participants: number | null; personTimes: number | null; countyCode?: string | null; startDate?: Dayjs | null; endDate?: Dayjs | null };
  withAgreement: boolean;
  agreement: { title?: string; pledgedYuan: number | null; signedOn?: Dayjs | null; documentNo?: string };
  withSale: boolean;
  sale: {
    amountYuan: number | null; channel?: SaleInput['channel']; buyerType?: SaleInput['buyerType']; supplierName?: string; category?: SaleInput['category'];
    households?: number | null; creditedOrgId?: number | null; creditedName?: string;
  };
  withPlacement: boolean;
  placement: { destination?: Destination; poorCount: number | null; monitoredCount?: number | null };
}

export const RECORD_FIELDS: FieldMapping = {
  fields: [
    'donation.valueYuan', 'donation.donorOrgId', 'donation.donorName', 'donation.recipientRegion', 'donation.donatedOn', 'donation.purpose',
    'training.title', 'training.targetGroup', 'training.participants', 'training.personTimes', 'training.countyCode', 'training.startDate', 'training.endDate',
    'agreement.title', 'agreement.pledgedYuan', 'agreement.signedOn', 'agreement.documentNo',
    'sale.amountYuan', 'sale.channel', 'sale.buyerType', 'sale.supplierName', 'sale.category', 'sale.households', 'sale.creditedOrgId', 'sale.creditedName',
    'placement.destination', 'placement.poorCount', 'placement.monitoredCount',
    ...INDUSTRY_FIELDS.fields,
  ],
  rename: {
    'records.donation.valueFen': 'donation.valueYuan',
    'records.donation.recipientOrgId': 'donation.recipientRegion',
    'records.donation': 'donation',
    'records.training': 'training',
    'records.agreement.pledgedFen': 'agreement.pledgedYuan',
    'records.agreement': 'agreement',
    'records.sale.amountFen': 'sale.amountYuan',
    'records.sale.countyCode': 'sale.supplierName',
    'records.sale': 'sale',
    'records.placement': 'placement',
    ...INDUSTRY_FIELDS.rename,
  },
};

/** Units that count people (6名教师, 12人) as against 人次. */
const PEOPLE = ['人', '名', '位'];

/**
 * What the item's facts offer: the amount given as a donation (else the first amount), the donor on the Shanghai
 * side, the counts of 人 and 人次 (either stands in for the other). Checked when the item is of that kind.
 */
export function recordDefaults(d: Draft): RecordValues {
  const amount = d.facts.amounts.find((a) => a.kind === 'donation') ?? d.facts.amounts[0];
  const people = d.facts.counts.find((c) => PEOPLE.includes(c.unit))?.value ?? null;
  const times = d.facts.counts.find((c) => c.unit === '人次')?.value ?? null;
  return {
    ...industryDefaults(d),
    withDonation: d.kind === 'donation' || d.facts.amounts.some((a) => a.kind === 'donation'),
    donation: { valueYuan: amount?.yuan ?? null, donorName: d.facts.shanghaiSide[0] },
    withTraining: d.kind === 'training',
    training: { targetGroup: 'other', participants: people ?? times, personTimes: times ?? people },
    withAgreement: d.kind === 'signing',
    agreement: { pledgedYuan: d.facts.amounts[0]?.yuan ?? null },
    withPlacement: d.kind === 'labor',
    placement: { destination: /上海/.test(d.title) ? 'shanghai' : undefined, poorCount: d.facts.counts.find((c) => PEOPLE.includes(c.unit))?.value ?? null },
    withSale: d.kind === 'sales',
    sale: { amountYuan: (d.facts.amounts.find((a) => a.kind === 'sales') ?? d.facts.amounts[0])?.yuan ?? null, channel: /直播/.test(d.title) ? 'livestream' : /展销|博览|推介/.test(d.title) ? 'fair' : undefined, supplierName: d.facts.recipientSide[0] },
  };
}

const text = (s: string | undefined) => s?.trim() || null;

/** The checked records as the accept input takes them (left out: none). */
export function toAcceptRecords(v: RecordValues): AcceptRecords | undefined {
  const records: AcceptRecords = {};
  if (v.withDonation) {
    const d = v.donation;
    records.donation = {
      valueFen: yuanToFen(d.valueYuan), donorOrgId: d.donorOrgId ?? null, donorName: text(d.donorName), recipientRegion: d.recipientRegion ?? null,
      donatedOn: toIsoDate(d.donatedOn) ?? undefined, purpose: text(d.purpose),
    };
  }
  if (v.withTraining) {
    const tr = v.training;
    records.training = {
      kind: 'training', batches: 1, title: text(tr.title) ?? undefined, targetGroup: tr.targetGroup, participants: tr.participants ?? 0, personTimes: tr.personTimes ?? 0,
      // An empty county is the activity's (undefined); the API takes null as "none".
      countyCode: tr.countyCode ?? undefined, startDate: toIsoDate(tr.startDate) ?? undefined, endDate: toIsoDate(tr.endDate) ?? undefined,
    };
  }
  if (v.withAgreement) {
    const g = v.agreement;
    records.agreement = { title: text(g.title), pledgedFen: g.pledgedYuan ? yuanToFen(g.pledgedYuan) : 0, signedOn: toIsoDate(g.signedOn) ?? undefined, documentNo: text(g.documentNo) };
  }
  // The form leaves out the fields of an unchecked record; channel and buyer are required when it is checked.
  const { channel, buyerType } = v.sale ?? {};
  if (v.withSale && channel && buyerType) {
    const s = v.sale;
    records.sale = {
      amountFen: yuanToFen(s.amountYuan), channel, buyerType, supplierName: text(s.supplierName), category: s.category ?? null, households: s.households ?? null,
      creditedOrgId: s.creditedOrgId ?? null, creditedName: text(s.creditedName),
    };
  }
  const { destination } = v.placement ?? {};
  if (v.withPlacement && destination) records.placement = { destination, poorCount: v.placement.poorCount ?? 0, monitoredCount: v.placement.monitoredCount ?? 0 };
  Object.assign(records, toIndustryRecords(v));
  return Object.keys(records).length ? records : undefined;
}
