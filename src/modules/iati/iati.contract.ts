import { z } from 'zod';

/** GET /projects/iati.xml: a year (projects running that year) and an east-side unit (with its sub-units), both optional. */
export const iatiQuery = z.object({
  year: z.coerce.number().int('年度必须是整数').min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100').optional(),
  org: z.coerce.number().int('组织编号必须是整数').positive('组织编号必须是正整数').optional(),
});
export type IatiQuery = z.infer<typeof iatiQuery>;
