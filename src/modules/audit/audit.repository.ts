import type { Queryable } from '../../platform/db/database.ts';
import type { AuditListQuery } from './audit.contract.ts';

export async function list(q: Queryable, f: AuditListQuery) {
  let query = q.selectFrom('audit_log');
  if (f.entity) query = query.where('entity', '=', f.entity);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.actor) query = query.where('actor_name', '=', f.actor);
  if (f.from) query = query.where('at', '>=', new Date(`${f.from}T00:00:00`));
  if (f.to) query = query.where('at', '<', new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000));
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
