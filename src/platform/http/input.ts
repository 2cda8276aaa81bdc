import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type Issue } from '../errors.ts';
import { badCharacterIn } from '../contract.ts';

const WHERE = { params: '路径参数', querystring: '查询参数', body: '请求体' } as const;
type Where = keyof typeof WHERE;

/** At most this many bad strings are listed (the message names the first). */
const MAX_ISSUES = 20;

/**
 * Every string of a request's path parameters, query string and JSON body (keys included), checked
 * for control characters before any route's schema sees it: a NUL (which PostgreSQL refuses in text)
 * or an escape sequence answers 400 naming the field, on every route, whatever its schema says.
 * Path and query values are one line; body strings may hold tab, LF and CR. Uploaded files (raw
 * bodies) are checked by their readers, cell by cell.
 */
export function refuseControlCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const issues: Issue[] = [];
    let where: Where | null = null;
    for (const [part, value, multiLine] of [
      ['params', req.params, false],
      ['querystring', req.query, false],
      ['body', isJson(req) ? req.body : undefined, true],
    ] as const) {
      const before = issues.length;
      collect(value, multiLine, issues);
      if (issues.length > before) where ??= part;
      if (issues.length >= MAX_ISSUES) break;
    }
    if (!where) return;
    const first = issues[0];
    throw new AppError('VALIDATION', `${WHERE[where]}有误：字段 ${first.path}：${first.message}${issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : ''}`, issues);
  });
}

/** A parsed JSON body; uploads (buffers, streams, text/plain files) are not. */
function isJson(req: FastifyRequest): boolean {
  if (req.body === undefined || req.body === null || Buffer.isBuffer(req.body)) return false;
  return /\bjson\b/i.test(String(req.headers['content-type'] ?? ''));
}

/** Plain data only (what JSON.parse and the query string parser make), never a stream or a class instance. */
function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null; // the query parser's objects have a null-prototype prototype
}

/** Walks the value without recursion (a deeply nested body cannot overflow the stack). */
function collect(root: unknown, multiLine: boolean, issues: Issue[]) {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const why = badCharacterIn(value, multiLine);
      if (why) issues.push({ path: path.join('.') || '(根)', message: why });
    } else if (value && typeof value === 'object' && isPlain(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const badKey = badCharacterIn(key, false);
        if (badKey) {
          issues.push({ path: [...path, JSON.stringify(key).slice(1, -1)].join('.'), message: `字段名${badKey}` });
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
}
