import { AppError, invalidField } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ACTIONS, type Action } from '../../platform/access/actions.ts';

/** A record service's refusal, its fields named as the accept input names them (records.donation.valueFen). */
export async function under<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const [one] = err.issues;
    // invalidField's message names the field: rebuilt so it names the field under the prefix.
    if (err.issues.length === 1 && err.code === 'VALIDATION' && err.message === `字段 ${one.path}：${one.message}`) throw invalidField(`${prefix}.${one.path}`, one.message);
    throw new AppError(err.code, err.message, err.issues.map((i) => ({ path: `${prefix}.${i.path}`, message: i.message })), err.details);
  }
}

/** Each record needs its own permission, not only the accept route's (activity:write). */
export function allowed(ctx: RequestContext, action: Action, path: string) {
  if (!ctx.permissions.has(action)) throw new AppError('FORBIDDEN', `没有权限同时登记这条记录：需要「${ACTIONS[action]}」`, [{ path, message: '没有权限' }]);
}
