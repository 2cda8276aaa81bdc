import { z } from 'zod';
import type { Feature, RouteDeps, TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { sendFile } from '../../platform/http/files.ts';
import {
  catalogue, catalogueQuery, objectionInput, opinionInput, product, productInput, productListQuery, productPatch, resolveInput, rules, statusCount, stepInput,
} from './products.contract.ts';
import * as service from './products.service.ts';
import * as steps from './products.steps.ts';
import { catalogueSheet, publicCatalogue } from './products.catalogue.ts';
import { scheduleExpiry } from './products.expiry.ts';

const tags = ['consumption'];
const read = { config: { access: 'consumption:read' as const } };
const write = { config: { access: 'consumption:write' as const } };
const review = { config: { access: 'consumption:review' as const } };
const certify = { config: { access: 'consumption:certify' as const } };

/** Product certification: its routes, and the 到期 sweep (at start, then hourly). */
export const productsFeature: Feature = {
  name: 'products',
  setup: (deps) => ({
    routes: (app) => registerProductRoutes(app, deps),
    start: () => scheduleExpiry(deps.db, (m) => deps.log.info(m)),
  }),
};

function registerProductRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/products', { ...read, schema: { tags, summary: '产品认定列表（认定队列）', querystring: productListQuery, response: { 200: pageOf(product) } } }, (req) => service.listProducts(readFrom(req), req.ctx, req.query));
  app.post('/products', { ...write, schema: { tags, summary: '申请产品认定', body: productInput, response: { 201: product } } }, async (req, reply) =>
    reply.status(201).send(await service.applyProduct(db, req.ctx, req.body)),
  );
  app.get('/products/status-counts', { ...read, schema: { tags, summary: '各认定状态的产品数', querystring: z.object({ county: z.string().regex(/^\d{2,12}$/).optional() }), response: { 200: z.array(statusCount) } } }, (req) =>
    service.statusCounts(readFrom(req), req.ctx.scope, req.query.county),
  );
  app.get('/products/:id', { ...read, schema: { tags, summary: '产品认定详情（意见、异议、步骤）', params: idParam, response: { 200: product } } }, (req) => service.getProduct(db, req.ctx, req.params.id));
  app.patch('/products/:id', { ...write, schema: { tags, summary: '修改认定申请（审定前）', params: idParam, body: productPatch, response: { 200: product } } }, (req) =>
    service.updateProduct(db, req.ctx, req.params.id, req.body),
  );
  app.delete('/products/:id', { ...write, schema: { tags, summary: '撤回认定申请（初审前）', params: idParam } }, async (req, reply) => {
    await service.withdrawProduct(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/products/:id/opinions', { ...review, schema: { tags, summary: '初审：部门意见', params: idParam, body: opinionInput, response: { 200: product } } }, (req) =>
    steps.giveOpinion(db, req.ctx, req.params.id, req.body),
  );
  app.post('/products/:id/objections', { ...review, schema: { tags, summary: '登记公示异议', params: idParam, body: objectionInput, response: { 200: product } } }, (req) =>
    steps.recordObjection(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/products/:id/objections/:objectionId/resolve',
    { ...certify, schema: { tags, summary: '处理公示异议', params: idParam.extend({ objectionId: z.coerce.number().int().positive() }), body: resolveInput, response: { 200: product } } },
    (req) => steps.resolveObjection(db, req.ctx, req.params.id, req.params.objectionId, req.body),
  );
  app.post('/products/:id/steps', { ...certify, schema: { tags, summary: '认定流程：审定、公示、认定、年度复核、下架、重新上架、撤销', params: idParam, body: stepInput, response: { 200: product } } }, (req) =>
    steps.takeStep(db, req.ctx, req.params.id, req.body),
  );
  app.get('/certification/rules', { ...read, schema: { tags, summary: '认定规则（初审部门、公示天数、有效期）', response: { 200: rules } } }, () => service.getRules(db));
  app.put('/certification/rules', { ...certify, schema: { tags, summary: '修改认定规则', body: rules, response: { 200: rules } } }, (req) => service.setRules(db, req.ctx, req.body));

  // No login: the catalogue is published (certified and valid products only).
  app.get('/public/catalogue', { config: { access: 'public' }, schema: { tags, summary: '消费帮扶产品目录（公开）', querystring: catalogueQuery, response: { 200: catalogue } } }, (req) =>
    publicCatalogue(readFrom(req), req.query),
  );
  app.get('/public/catalogue/export.xlsx', { config: { access: 'public' }, schema: { tags, summary: '产品目录（Excel，公开）', querystring: catalogueQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) =>
    sendFile(reply, await catalogueSheet(readFrom(req), req.query), '消费帮扶产品目录.xlsx'),
  );
}
