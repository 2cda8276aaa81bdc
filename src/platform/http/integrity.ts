import { AppError } from '../errors.ts';
import { camel, labelOf, recordOf, RULE_LABEL } from './labels.ts';

/** The fields of a PostgreSQL error the mapping reads (pg's DatabaseError). */
export interface PgError {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

/** Whether an error came from PostgreSQL (a five-character SQLSTATE and the server's severity). */
export function isPgError(err: unknown): err is PgError {
  const e = err as PgError & { severity?: unknown };
  return !!e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/** The columns of the key a violation names: `Key (a, b)=(…)` in any server language. */
function keyColumns(detail: string | undefined): string[] {
  const m = detail?.match(/\(([^()]*)\)=\(/);
  return m ? m[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [];
}

/** The first table a detail or message quotes ("…in table \"activities\""). */
const quotedTable = (text: string | undefined, pattern: RegExp) => text?.match(pattern)?.[1];

const fieldsOf = (columns: string[]) => columns.map((c) => labelOf(c) ?? c).join('、');

/** Data exceptions (SQLSTATE class 22) that an input reaching the database can cause. */
const DATA_EXCEPTION: Readonly<Record<string, string>> = {
  '22001': '文字过长',
  '22003': '数值超出允许的范围',
  '22007': '日期或时间格式无效',
  '22008': '日期或时间超出允许的范围',
  '22021': '含有不允许的字符',
  '22P02': '格式无效',
  '22P05': '含有不允许的字符',
};

/**
 * PostgreSQL integrity and data errors a service did not anticipate, as the user's words: the record
 * kind and the field, never the constraint's name (the handler logs that). Unique and foreign-key
 * violations are 409, check violations 422, a missing value or a value the column cannot hold 400.
 */
export function integrityError(err: PgError): AppError | null {
  const record = recordOf(err.table);
  const columns = err.column ? [err.column] : keyColumns(err.detail);
  switch (err.code) {
    case '23505': {
      const fields = columns.length ? fieldsOf(columns) : '关键字段';
      return new AppError('CONFLICT', `该${record}已存在：${fields}与已有${record}相同`, columns.map((c) => ({ path: camel(c), message: '已被使用' })));
    }
    case '23503': {
      // Inserting or updating the referring row names the referred table in the detail; deleting a referred
      // row names the referring table (err.table) there and the deleted one in the message.
      const referred = quotedTable(err.detail, /"([^"]+)"/);
      const deleting = columns.length === 1 && (columns[0] === 'id' || columns[0] === 'code') && referred === err.table;
      if (deleting) {
        const gone = recordOf(quotedTable(err.message, /"([^"]+)"/));
        return new AppError('CONFLICT', `该${gone}仍被${record}引用，不能删除或修改`);
      }
      const what = referred && referred !== err.table ? recordOf(referred) : columns.length ? (labelOf(columns[0]) ?? '记录') : '记录';
      return new AppError('CONFLICT', `引用的${what}不存在`, columns.map((c) => ({ path: camel(c), message: `引用的${what}不存在` })));
    }
    case '23514': {
      const rule = (err.constraint && RULE_LABEL[err.constraint]) ?? (columns.length ? `${fieldsOf(columns)}的取值无效` : '数据不符合规则');
      return new AppError('RULE_VIOLATION', `${record}不符合规则：${rule}`);
    }
    case '23502':
      return new AppError('VALIDATION', `${record}缺少${(err.column && labelOf(err.column)) ?? '必填项'}${err.column ? ` ${camel(err.column)}` : ''}`, err.column ? [{ path: camel(err.column), message: '必填' }] : []);
    case '23P01':
      return new AppError('CONFLICT', `与已有的${record}冲突`);
  }
  const data = err.code && DATA_EXCEPTION[err.code];
  if (data) return new AppError('VALIDATION', `输入有误：${data}`, [{ path: err.column ?? '(输入)', message: data }]);
  return null;
}
