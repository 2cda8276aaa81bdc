import { z } from 'zod';
import { isoDate, pageQuery, ref } from '../../platform/contract.ts';
import { activityType } from '../activities/activities.contract.ts';
import { donationInput } from '../donations/donations.contract.ts';
import { trainingFields } from '../training/training.contract.ts';
import { saleInput } from '../sales/sales.contract.ts';
import { agreementInput } from '../pairings/pairings.contract.ts';
import { placementFields } from '../labor/labor.contract.ts';
import { acceptEnterprise, acceptFarming, acceptPark, acceptWorkshop, industryFacts } from './bulletins.industry.contract.ts';

/** The record kind the reader suggests for an item (bulletins.extract.ts). */
export const ITEM_KINDS = { visit: '考察调研', meeting: '会议座谈', signing: '签约', donation: '捐赠', training: '培训', industry: '产业合作', labor: '劳务协作', sales: '消费帮扶', personnel: '干部人才', project: '项目推进', other: '其他' } as const;
export const DRAFT_STATUSES = { pending: '待审核', accepted: '已采用', rejected: '已舍弃' } as const;

export const facts = z.object({
  amounts: z.array(z.object({ yuan: z.number(), text: z.string(), approx: z.boolean(), kind: z.string() })),
  counts: z.array(z.object({ value: z.number(), unit: z.string(), text: z.string() })),
  shanghaiSide: z.array(z.string()),
  recipientSide: z.array(z.string()),
  /** The recipient side's places resolved to division codes; several candidates when the name is ambiguous. */
  places: z.array(z.object({ name: z.string(), candidates: z.array(z.object({ code: z.string(), name: z.string() })) })).default([]),
  /** What the item reports of 产业合作 (an enterprise introduced, contract farming, a workshop, a park), whatever its kind. */
  industry: industryFacts.nullable().default(null),
});

export const draft = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  itemNo: z.number().int(),
  title: z.string(),
  section: z.string().nullable(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  kind: z.string(),
  facts,
  /** [start, end) in the document's text. */
  span: z.tuple([z.number().int(), z.number().int()]),
  status: z.enum(['pending', 'accepted', 'rejected']),
  activityId: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Activities already recorded that may be this item (same start date, similar title): link instead of duplicating. */
  matches: z.array(z.object({ id: z.number().int(), title: z.string(), startDate: z.string(), similarity: z.number() })),
});
export type Draft = z.infer<typeof draft>;

export const bulletinDocument = z.object({
  id: z.number().int(),
  fileName: z.string(),
  year: z.number().int().nullable(),
  yearBasis: z.string(),
  issuedOn: z.string().nullable(),
  actorName: z.string(),
  createdAt: z.string(),
  counts: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
});
export type BulletinDocument = z.infer<typeof bulletinDocument>;
export const bulletinDetail = bulletinDocument.extend({ text: z.string(), drafts: z.array(draft) });
export type BulletinDetail = z.infer<typeof bulletinDetail>;

/** The answer to an import: the document, and whether this import created it (false: it was imported before). */
export const importOutcome = z.object({ created: z.boolean(), document: bulletinDetail });

export const importQuery = z.object({ fileName: z.string().trim().min(1).max(200).default('简报.txt') });
export const documentListQuery = pageQuery.pick({ page: true, pageSize: true });

/**
 * 同时登记: records of the item's kind created with the activity, in its transaction, and linked to it.
 * What a record leaves out is the activity's: its dates, title, county (as the recipient or trainees' county).
 */
export const acceptDonation = donationInput
  .pick({ donorOrgId: true, donorName: true, recipientOrgId: true, recipientRegion: true })
  .extend({
    /** A cash donation (分), the amount the item reports as the reviewer confirmed it. */
    valueFen: z.number({ error: '请填写捐赠金额' }).int('金额必须是整数（分）').positive('捐赠金额须大于 0').max(1e15, '金额过大'),
    donatedOn: isoDate.optional(),
    purpose: z.string().trim().max(1000, '用途最多 1000 字').nullable().optional(),
  });
export const acceptTraining = trainingFields
  .pick({ organiserOrgId: true, organiserName: true, countyCode: true })
  .extend({
    title: trainingFields.shape.title.optional(),
    kind: trainingFields.shape.kind.default('training'),
    targetGroup: trainingFields.shape.targetGroup.default('other'),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    batches: z.number().int('批次须为整数').min(1, '批次至少为 1').max(10_000_000, '批次过大').default(1),
    participants: z.number({ error: '请填写培训人数' }).int('人数须为整数').min(0, '人数不能为负数').max(10_000_000, '人数过大'),
    personTimes: z.number({ error: '请填写培训人次' }).int('人次须为整数').min(0, '人次不能为负数').max(10_000_000, '人次过大'),
  })
  .refine((t) => !t.startDate || !t.endDate || t.endDate >= t.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
  .refine((t) => t.personTimes >= t.participants, { message: '人次不能少于人数', path: ['personTimes'] });
/** 签约: the agreement signed, under the activity's pairing; year and date default to the activity's. */
export const acceptAgreement = agreementInput.pick({ title: true, pledgedFen: true, documentNo: true }).extend({ year: agreementInput.shape.year.optional(), signedOn: isoDate.optional() });
/** 消费帮扶: the sale the item reports (a fair's or livestream's takings); date and county default to the activity's. */
export const acceptSale = saleInput
  .pick({ category: true, supplierName: true, channel: true, buyerType: true, creditedOrgId: true, creditedName: true, amountFen: true, quantity: true, unit: true, households: true })
  .extend({ soldOn: isoDate.optional(), periodEnd: isoDate.nullable().optional(), countyCode: saleInput.shape.countyCode });
/** 劳务协作: the month's placements the item reports (转移就业N人); county, year and month default to the activity's. */
export const acceptPlacement = placementFields
  .pick({ destination: true, poorCount: true })
  .extend({ monitoredCount: placementFields.shape.monitoredCount.default(0), countyCode: placementFields.shape.countyCode.optional(), year: placementFields.shape.year.optional(), month: placementFields.shape.month.optional() });
export const acceptRecords = z.object({
  donation: acceptDonation.optional(), training: acceptTraining.optional(), agreement: acceptAgreement.optional(), sale: acceptSale.optional(), placement: acceptPlacement.optional(),
  enterprise: acceptEnterprise.optional(), farming: acceptFarming.optional(), workshop: acceptWorkshop.optional(), park: acceptPark.optional(),
});
export type AcceptRecords = z.infer<typeof acceptRecords>;

/** 采用: the activity as the reviewer edited it, or a link to an activity already recorded; either may bring its records. */
export const acceptInput = z.union([
  z.object({ linkActivityId: ref('activity'), records: acceptRecords.optional() }),
  z.object({
    type: activityType,
    title: z.string().trim().min(2, '标题至少 2 个字').max(200),
    startDate: isoDate,
    endDate: isoDate,
    regionCodes: z.array(z.string().regex(/^\d{2,12}$/)).max(50).default([]),
    pairingId: ref('pairing').nullable().optional(),
    leadOrgId: ref('org').nullable().optional(),
    records: acceptRecords.optional(),
  }),
]);
export type AcceptInput = z.infer<typeof acceptInput>;
export const rejectInput = z.object({ reason: z.string().trim().max(500).nullable().optional() });
