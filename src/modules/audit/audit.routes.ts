import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { pageOf } from '../../platform/contract.ts';
import { auditEntry, auditListQuery } from './audit.contract.ts';
import * as repo from './audit.repository.ts';

/** Read-only by design: there is no route that changes or deletes audit rows (and a trigger forbids it). */
export function registerAuditRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/audit', { config: { access: 'audit:read' }, schema: { tags: ['audit'], summary: '审计日志（只读）', querystring: auditListQuery, response: { 200: pageOf(auditEntry) } } }, async (req) => {
    const { rows, total } = await repo.list(readFrom(req), req.query);
    return {
      items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, entity: r.entity, entityId: r.entity_id, action: r.action, before: r.before, after: r.after })),
      total,
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
}

export const auditFeature = routesFeature('audit', registerAuditRoutes);
