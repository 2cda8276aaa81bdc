import type { RouteDeps, TypedApp } from '../../platform/http/server.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { orgGraph, orgGraphQuery } from '../pairings/pairings.contract.ts';
import { orgGraphOf } from '../pairings/pairings.service.ts';
import { org, orgInput, orgListQuery, orgPatch } from './orgs.contract.ts';
import * as service from './orgs.service.ts';

const tags = ['orgs'];

export function registerOrgRoutes(app: TypedApp, { db }: RouteDeps) {
  app.get('/orgs', { config: { access: 'org:read' }, schema: { tags, summary: '组织列表', querystring: orgListQuery, response: { 200: pageOf(org) } } }, async (req) =>
    service.listOrgs(db, req.ctx.scope, req.query),
  );
  app.post('/orgs', { config: { access: 'org:write' }, schema: { tags, summary: '新建组织', body: orgInput, response: { 201: org } } }, async (req, reply) =>
    reply.status(201).send(await service.createOrg(db, req.ctx, req.body)),
  );
  app.get('/orgs/:id', { config: { access: 'org:read' }, schema: { tags, summary: '组织详情', params: idParam, response: { 200: org } } }, async (req) =>
    service.getOrg(db, req.params.id, req.ctx.scope),
  );
  app.patch('/orgs/:id', { config: { access: 'org:write' }, schema: { tags, summary: '修改组织', params: idParam, body: orgPatch, response: { 200: org } } }, async (req) =>
    service.updateOrg(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/orgs/:id', { config: { access: 'org:write' }, schema: { tags, summary: '删除组织（无下级、无结对时）', params: idParam } }, async (req, reply) => {
    await service.deleteOrg(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/orgs/:id/graph',
    { config: { access: 'pairing:read' }, schema: { tags, summary: '组织及其下级单位的全部结对（结对图谱）', params: idParam, querystring: orgGraphQuery, response: { 200: orgGraph } } },
    async (req) => orgGraphOf(db, req.ctx.scope, req.params.id, req.query.year),
  );
}
