import { z } from 'zod';

/** Actions and roles, with their labels: shared with the web app through this file. */
export { ACTIONS, ACTION_CODES, ROLE_CODES, type Access, type Action, type RoleCode } from './access/actions.ts';

/** Shapes shared by every feature's contract: paging, ids, dates, the error body. */

/** A record id in a path: a positive whole number ('1e400', 'abc', '-1' and 2^53 and above are refused, naming the field). */
export const idParam = z.object({
  id: z.coerce.number({ error: '编号 id 应为正整数' }).int({ error: '编号 id 应为正整数' }).positive({ error: '编号 id 应为正整数' }),
});

export const pageQuery = z.object({
  page: z.coerce.number({ error: '页码 page 应为整数' }).int({ error: '页码 page 应为整数' }).min(1, '页码 page 应不小于 1').max(1_000_000, '页码 page 应不大于 1000000').default(1),
  pageSize: z.coerce.number({ error: '每页条数 pageSize 应为整数' }).int({ error: '每页条数 pageSize 应为整数' }).min(1, '每页条数 pageSize 应在 1–200 之间').max(200, '每页条数 pageSize 应在 1–200 之间').default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The dates any record may carry (ARCHITECTURE.md, conventions): outside them a date is a typing error. */
export const DATE_MIN = '1949-10-01';
export const DATE_MAX = '2100-12-31';

/** A real calendar day (not 2024-02-30), as YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** An ISO date within DATE_MIN … DATE_MAX: one issue per bad value (format, then existence, then range). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(isRealDate, { message: '不是有效的日期', abort: true })
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, `日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间`);

/**
 * Characters no text field holds: C0 controls (NUL, BEL, ESC …), DEL, C1 controls and halves of a
 * surrogate pair. A multi-line text (request bodies, spreadsheet cells) may keep tab, LF and CR.
 */
const BAD_IN_LINE = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored (Chinese, naming the character), or null when it may. */
export function badCharacterIn(s: string, multiLine: boolean): string | null {
  const m = (multiLine ? BAD_IN_TEXT : BAD_IN_LINE).exec(s);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return m[0] >= '\uD800' && m[0] <= '\uDFFF' ? `含有无效的字符（不成对的代理项 ${code}）` : `含有不允许的控制字符（${code}）`;
}

export const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '区划代码应为 2、4、6、9 或 12 位数字');

export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  details: z.record(z.string(), z.unknown()).optional(),
  /** The request's id (also its X-Request-Id header and its log lines' reqId): what a user quotes when reporting it. */
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** The kinds of record an input may refer to by id; each is checked by one rule (the references feature). */
export const REF_KINDS = ['org', 'pairing', 'agreement', 'activity', 'project', 'donation', 'training', 'supplier', 'product', 'person', 'dispatch', 'inspection', 'edition'] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** An id that refers to a record of `kind`: the kind is kept as metadata, so a test can find every reference field. */
export const ref = (kind: RefKind) => z.number().int('编号必须是整数').positive('编号必须是正整数').meta({ ref: kind });

/** A figure credited to another unit: pending until that unit confirms it (认领), or refused. */
export const CLAIM_STATUSES = { pending: '待确认', confirmed: '已确认', refused: '已拒绝' } as const;
export const claimStatus = z.enum(['pending', 'confirmed', 'refused']);
