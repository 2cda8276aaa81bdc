/** The one error model: every failure the API reports is an AppError with a stable code. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'RATE_LIMITED'
  | 'CONFIG'
  | 'DATABASE_UNAVAILABLE'
  | 'UNAVAILABLE'
  | 'MIGRATION_EDITED'
  | 'INTERNAL';

export interface Issue {
  /** Dotted field path ("eastOrgId", "items.3.amount") or "line 12" for files. */
  path: string;
  message: string;
}

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  CONFIG: 500,
  DATABASE_UNAVAILABLE: 503,
  /** A tool this server lacks (LibreOffice for PDF): the message says what to install or do instead. */
  UNAVAILABLE: 503,
  MIGRATION_EDITED: 500,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return httpStatusOf[this.code];
  }

  toJSON() {
    return { code: this.code, message: this.message, issues: this.issues, ...(this.details ? { details: this.details } : {}) };
  }
}

/** A 400 for one field: the message names the field, in Chinese. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('VALIDATION', `字段 ${path}：${message}`, [{ path, message }]);
}

export function notFound(what: string, id: string | number): AppError {
  return new AppError('NOT_FOUND', `未找到${what}（${id}）`, [], { entity: what, id: String(id) });
}
