import type { Queryable } from './db/database.ts';
import type { RequestContext } from './context.ts';

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Must be given the same transaction as the change it records. */
export async function writeAudit(q: Queryable, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await q
    .insertInto('audit_log')
    .values({
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      ip: ctx.ip,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
