import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, regionCode } from '../../platform/contract.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import {
  agreement, agreementInput, agreementPatch, coverage, coverageQuery, pairing, pairingInput, pairingListQuery, pairingPatch,
} from './pairings.contract.ts';
import * as service from './pairings.service.ts';
import { coverageOf } from './pairings.coverage.ts';

const tags = ['pairings'];

export function registerPairingRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  registerCrudRoutes(app, {
    path: '/pairings', tags, name: '结对关系', read: 'pairing:read', write: 'pairing:write', readFrom,
    schemas: { item: pairing, input: pairingInput, patch: pairingPatch, listQuery: pairingListQuery },
    list: (ctx, q, from) => service.listPairings(from, ctx.scope, q),
    create: (ctx, input) => service.createPairing(db, ctx, input),
    get: (ctx, id) => service.getPairing(db, id, ctx.scope),
    update: (ctx, id, patch) => service.updatePairing(db, ctx, id, patch),
    remove: (ctx, id) => service.deletePairing(db, ctx, id), // its agreements go with it
  });

  app.get('/pairings/:id/agreements', { config: { access: 'pairing:read' }, schema: { tags, summary: '结对下的协议', params: idParam, response: { 200: z.array(agreement) } } }, async (req) =>
    service.listAgreements(db, req.ctx.scope, req.params.id),
  );
  app.post(
    '/pairings/:id/agreements',
    { config: { access: 'pairing:write' }, schema: { tags, summary: '新增协议', params: idParam, body: agreementInput, response: { 201: agreement } } },
    async (req, reply) => reply.status(201).send(await service.createAgreement(db, req.ctx, req.params.id, req.body)),
  );
  app.patch('/agreements/:id', { config: { access: 'pairing:write' }, schema: { tags, summary: '修改协议', params: idParam, body: agreementPatch, response: { 200: agreement } } }, async (req) =>
    service.updateAgreement(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/agreements/:id', { config: { access: 'pairing:write' }, schema: { tags, summary: '删除协议', params: idParam } }, async (req, reply) => {
    await service.deleteAgreement(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/coverage/:code',
    { config: { access: 'pairing:read' }, schema: { tags, summary: '受援地结对覆盖：乡镇、村是否结对（按类型、年度）', params: z.object({ code: regionCode }), querystring: coverageQuery, response: { 200: coverage } } },
    async (req) => coverageOf(readFrom(req), req.ctx.scope, req.params.code, req.query.year),
  );
}

export const pairingsFeature = routesFeature('pairings', registerPairingRoutes);
