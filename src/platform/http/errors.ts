import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type Issue } from '../errors.ts';
import type { Db } from '../db/database.ts';
import { auditedRefusals, deny } from './access.ts';
import { integrityError, isPgError } from './integrity.ts';
import { namedField } from './labels.ts';

const CONTEXT_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

type SchemaFailure = { instancePath: string; keyword?: string; message?: string; params?: unknown };

/** What the caller sent at a dotted path of the failed part of the request, before any coercion. */
function sentAt(req: FastifyRequest | undefined, context: string, path: string): unknown {
  let at: unknown = context === 'querystring' ? req?.query : context === 'body' ? req?.body : context === 'params' ? req?.params : undefined;
  for (const key of path ? path.split('.') : []) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * One schema failure as an issue. Where zod's own words would say "期望 数字，实际接收 NaN" the
 * message says what is wrong with what was sent, naming the field: 缺少年度 year, 年度 year 不能为空,
 * 年度 year 应为数字，而不是「1e400」. `named` tells that the message already names the field.
 */
function schemaIssue(v: SchemaFailure, req: FastifyRequest | undefined, context: string): Issue & { named: boolean } {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '';
  const p = (v.params ?? {}) as { expected?: string; origin?: string; received?: string };
  const shown = path || '(根)';
  const message = v.message ?? '无效';
  const branches = (v.params as { errors?: { path: PropertyKey[]; code: string; message: string }[][] } | undefined)?.errors;
  if (req && context !== 'headers' && v.keyword === 'invalid_union' && branches?.length) {
    // The alternative the caller meant: the one with the fewest fields missing, then the fewest problems.
    const nested = (i: { path: PropertyKey[] }) => [path, ...i.path.map(String)].filter(Boolean).join('.');
    const missing = (b: { path: PropertyKey[] }[]) => b.filter((i) => sentAt(req, context, nested(i)) === undefined).length;
    const best = [...branches].filter((b) => b.length).sort((a, b) => missing(a) - missing(b) || a.length - b.length)[0];
    const i = best?.[0];
    if (i) return schemaIssue({ instancePath: `/${nested(i).replace(/\./g, '/')}`, keyword: i.code, message: i.message, params: i }, req, context);
  }
  if (!req || !path || context === 'headers') return { path: shown, message, named: false };
  const sent = sentAt(req, context, path);
  const numeric = p.origin === 'number' || p.expected === 'number' || p.expected === 'int';
  if (sent === undefined && v.keyword !== 'custom') return { path, message: `缺少${namedField(path)}`, named: true };
  if (sent === '' && (v.keyword === 'invalid_type' || (v.keyword === 'too_small' && numeric))) return { path, message: `${namedField(path)} 不能为空`, named: true };
  if (typeof sent === 'string' && v.keyword === 'invalid_type' && p.expected === 'number' && (p.received === 'NaN' || p.received === 'Infinity')) {
    return { path, message: `${namedField(path)} 应为数字，而不是「${sent.length > 30 ? `${sent.slice(0, 30)}…` : sent}」`, named: true };
  }
  if (typeof sent === 'number' && !Number.isFinite(sent)) return { path, message: `${namedField(path)} 数值超出范围`, named: true }; // 1e400 in JSON
  return { path, message, named: false };
}

/** The one error handler: AppError as is, schema failures as 400 with field paths, the rest as 500. */
export function toAppError(err: unknown, req?: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? '';
    const found = err.validation.map((v) => schemaIssue(v, req, context));
    const issues: Issue[] = found.map(({ path, message }) => ({ path, message }));
    const where = CONTEXT_LABEL[context] ?? '请求';
    const first = found[0];
    const what = first.named ? first.message : `字段 ${first.path}：${first.message}`;
    return new AppError('VALIDATION', `${where}有误：${what}${issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : ''}`, issues);
  }
  const fe = err as FastifyError & { code?: string; constraint?: string };
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('VALIDATION', '请求体不是有效的 JSON', [{ path: '(body)', message: 'JSON 格式错误' }]);
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('VALIDATION', '请求体过大', [{ path: '(body)', message: '超过大小限制' }]);
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('VALIDATION', '不支持的 Content-Type', [{ path: 'content-type', message: '不支持' }]);
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  // PostgreSQL integrity and data errors that a service did not anticipate: the record and field named, never a 500.
  const integrity = isPgError(err) ? integrityError(err) : null;
  if (integrity) return integrity;
  if (isResponseSerializationError(err)) return new AppError('INTERNAL', '服务器生成的响应不符合接口约定');
  return new AppError('INTERNAL', '服务器内部错误');
}

/** An error as the API answers it: the one model with the request's id, which its log lines carry too. */
export function errorBodyOf(err: AppError, req: FastifyRequest) {
  return { ...err.toJSON(), requestId: String(req.id) };
}

/** The one error handler. Refusals (403) not yet audited where they arose are audited here. */
export function makeErrorHandler(db: Db) {
  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const app = toAppError(err, req);
    if (app.status >= 500) req.log.error({ err }, 'request failed');
    else if (isPgError(err)) req.log.warn({ pg: { code: err.code, table: err.table, column: err.column, constraint: err.constraint, detail: err.detail } }, 'database refused the input');
    if (app.code === 'FORBIDDEN' && req.ctx && !auditedRefusals.has(app)) {
      await deny(db, req, app, 'refused').catch((e) => req.log.error({ err: e }, 'audit of a refusal failed'));
    }
    const retryAfter = app.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter)); // a busy 503 says when to come back
    return reply.status(app.status).send(errorBodyOf(app, req));
  };
}
