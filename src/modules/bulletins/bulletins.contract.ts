import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/contract.ts';
import { activityType } from '../activities/activities.contract.ts';

/** The record kind the reader suggests for an item (bulletins.extract.ts). */
export const ITEM_KINDS = { visit: '考察调研', meeting: '会议座谈', signing: '签约', donation: '捐赠', training: '培训', labor: '劳务协作', sales: '消费帮扶', personnel: '干部人才', project: '项目推进', other: '其他' } as const;
export const DRAFT_STATUSES = { pending: '待审核', accepted: '已采用', rejected: '已舍弃' } as const;

export const facts = z.object({
  amounts: z.array(z.object({ yuan: z.number(), text: z.string(), approx: z.boolean(), kind: z.string() })),
  counts: z.array(z.object({ value: z.number(), unit: z.string(), text: z.string() })),
  shanghaiSide: z.array(z.string()),
  recipientSide: z.array(z.string()),
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

/** 采用: the activity as the reviewer edited it, or a link to an activity already recorded. */
export const acceptInput = z.union([
  z.object({ linkActivityId: z.number().int().positive() }),
  z.object({
    type: activityType,
    title: z.string().trim().min(2, '标题至少 2 个字').max(200),
    startDate: isoDate,
    endDate: isoDate,
    regionCodes: z.array(z.string().regex(/^\d{2,12}$/)).max(50).default([]),
    pairingId: z.number().int().positive().nullable().optional(),
    leadOrgId: z.number().int().positive().nullable().optional(),
  }),
]);
export type AcceptInput = z.infer<typeof acceptInput>;
export const rejectInput = z.object({ reason: z.string().trim().max(500).nullable().optional() });
