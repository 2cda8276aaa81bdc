import { z } from 'zod';
import type { RouteDeps, TypedApp } from '../../platform/http/server.ts';
import { idParam, pageOf, regionCode } from '../../platform/contract.ts';
import {
  agreement, agreementInput, agreementPatch, coverage, coverageQuery, pairing, pairingInput, pairingListQuery, pairingPatch,
} from './pairings.contract.ts';
import * as service from './pairings.service.ts';
import { coverageOf } from './pairings.coverage.ts';

const tags = ['pairings'];

export function registerPairingRoutes(app: TypedApp, { db }: RouteDeps) {
  app.get('/pairings', { config: { access: 'pairing:read' }, schema: { tags, summary: '结对关系列表', querystring: pairingListQuery, response: { 200: pageOf(pairing) } } }, async (req) =>
    service.listPairings(db, req.ctx.scope, req.query),
  );
  app.post('/pairings', { config: { access: 'pairing:write' }, schema: { tags, summary: '新建结对关系', body: pairingInput, response: { 201: pairing } } }, async (req, reply) =>
    reply.status(201).send(await service.createPairing(db, req.ctx, req.body)),
  );
  app.get('/pairings/:id', { config: { access: 'pairing:read' }, schema: { tags, summary: '结对关系详情', params: idParam, response: { 200: pairing } } }, async (req) =>
    service.getPairing(db, req.params.id, req.ctx.scope),
  );
  app.patch('/pairings/:id', { config: { access: 'pairing:write' }, schema: { tags, summary: '修改结对关系', params: idParam, body: pairingPatch, response: { 200: pairing } } }, async (req) =>
    service.updatePairing(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/pairings/:id', { config: { access: 'pairing:write' }, schema: { tags, summary: '删除结对关系（连同其协议）', params: idParam } }, async (req, reply) => {
    await service.deletePairing(db, req.ctx, req.params.id);
    return reply.status(204).send();
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
    async (req) => coverageOf(db, req.ctx.scope, req.params.code, req.query.year),
  );
}
