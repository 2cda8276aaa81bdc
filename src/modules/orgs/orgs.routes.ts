import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam } from '../../platform/contract.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { orgGraph, orgGraphQuery } from '../pairings/pairings.contract.ts';
import { orgGraphOf } from '../pairings/pairings.service.ts';
import { org, orgInput, orgListQuery, orgLookupItem, orgLookupQuery, orgPatch } from './orgs.contract.ts';
import { z } from 'zod';
import * as service from './orgs.service.ts';

const tags = ['orgs'];

export function registerOrgRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get(
    '/orgs/lookup',
    { config: { access: 'user' }, schema: { tags, summary: '按名称或简称查找组织（供选择框；只含名称、类型、所在地）', querystring: orgLookupQuery, response: { 200: z.object({ items: z.array(orgLookupItem) }) } } },
    async (req) => service.lookupOrgs(readFrom(req), req.query),
  );
  registerCrudRoutes(app, {
    path: '/orgs', tags, name: '组织', read: 'org:read', write: 'org:write', readFrom,
    schemas: { item: org, input: orgInput, patch: orgPatch, listQuery: orgListQuery },
    list: (ctx, q, from) => service.listOrgs(from, ctx.scope, q),
    create: (ctx, input) => service.createOrg(db, ctx, input),
    get: (ctx, id) => service.getOrg(db, id, ctx.scope),
    update: (ctx, id, patch) => service.updateOrg(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteOrg(db, ctx, id), // refused while it has sub-units or pairings
  });
  app.get(
    '/orgs/:id/graph',
    { config: { access: 'pairing:read' }, schema: { tags, summary: '组织及其下级单位的全部结对（结对图谱）', params: idParam, querystring: orgGraphQuery, response: { 200: orgGraph } } },
    async (req) => orgGraphOf(readFrom(req), req.ctx.scope, req.params.id, req.query.year),
  );
}

export const orgsFeature = routesFeature('orgs', registerOrgRoutes);
