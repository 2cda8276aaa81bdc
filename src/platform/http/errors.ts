import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type Issue } from '../errors.ts';
import type { Db } from '../db/database.ts';
import { auditedRefusals, deny } from './access.ts';

const CONTEXT_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** The one error handler: AppError as is, schema failures as 400 with field paths, the rest as 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: Issue[] = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '(根)',
      message: v.message ?? '无效',
    }));
    const where = CONTEXT_LABEL[(err as { validationContext?: string }).validationContext ?? ''] ?? '请求';
    const first = issues[0];
    return new AppError('VALIDATION', `${where}有误：字段 ${first.path}：${first.message}${issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : ''}`, issues);
  }
  const fe = err as FastifyError & { code?: string; constraint?: string };
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('VALIDATION', '请求体不是有效的 JSON', [{ path: '(body)', message: 'JSON 格式错误' }]);
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('VALIDATION', '请求体过大', [{ path: '(body)', message: '超过大小限制' }]);
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('VALIDATION', '不支持的 Content-Type', [{ path: 'content-type', message: '不支持' }]);
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  // PostgreSQL integrity errors that a service did not anticipate: still a clear 409, never a 500.
  if (fe.code === '23505') return new AppError('CONFLICT', `记录重复（${fe.constraint ?? '唯一约束'}）`);
  if (fe.code === '23503') return new AppError('CONFLICT', `记录仍被引用或引用的记录不存在（${fe.constraint ?? '外键约束'}）`);
  if (isResponseSerializationError(err)) return new AppError('INTERNAL', '服务器生成的响应不符合接口约定');
  return new AppError('INTERNAL', '服务器内部错误');
}

/** The one error handler. Refusals (403) not yet audited where they arose are audited here. */
export function makeErrorHandler(db: Db) {
  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const app = toAppError(err);
    if (app.status >= 500) req.log.error({ err }, 'request failed');
    if (app.code === 'FORBIDDEN' && req.ctx && !auditedRefusals.has(app)) {
      await deny(db, req, app, 'refused').catch((e) => req.log.error({ err: e }, 'audit of a refusal failed'));
    }
    return reply.status(app.status).send(app.toJSON());
  };
}
