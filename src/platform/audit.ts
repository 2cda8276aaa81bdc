import { sql } from 'kysely';
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

/** Many entries in one statement (a bulk import's rows): the entries as one JSON parameter, read as a record set. */
export async function writeAudits(q: Queryable, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((e) => ({ entity: e.entity, entity_id: e.entityId == null ? null : String(e.entityId), action: e.action, before: e.before ?? null, after: e.after ?? null }));
  await sql`
    insert into audit_log (actor_id, actor_name, ip, entity, entity_id, action, before, after)
    select ${ctx.actor.id}::bigint, ${ctx.actor.name}::text, ${ctx.ip}::text, e.entity, e.entity_id, e.action, e.before, e.after
    from json_to_recordset(${JSON.stringify(rows)}::json) as e(entity text, entity_id text, action text, before jsonb, after jsonb)`.execute(q);
}
