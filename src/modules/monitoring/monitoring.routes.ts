import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { asset, assetInput, inspection, inspectionInput, progress, progressInput, rectification, rectificationClose, rectificationInput, rectificationListQuery } from './monitoring.contract.ts';
import * as service from './monitoring.service.ts';

const tags = ['monitoring'];

export function registerMonitoringRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get('/projects/:id/progress', { config: { access: 'project:read' }, schema: { tags, summary: '进度报告', params: idParam, response: { 200: z.array(progress) } } }, async (req) =>
    service.listProgress(db, req.ctx, req.params.id),
  );
  app.post('/projects/:id/progress', { config: { access: 'project:write' }, schema: { tags, summary: '报告进度', params: idParam, body: progressInput, response: { 201: progress } } }, async (req, reply) =>
    reply.status(201).send(await service.addProgress(db, req.ctx, req.params.id, req.body)),
  );
  app.get('/projects/:id/inspections', { config: { access: 'project:read' }, schema: { tags, summary: '抽检与督查', params: idParam, response: { 200: z.array(inspection) } } }, async (req) =>
    service.listInspections(db, req.ctx, req.params.id),
  );
  app.post('/projects/:id/inspections', { config: { access: 'project:manage' }, schema: { tags, summary: '登记抽检或督查', params: idParam, body: inspectionInput, response: { 201: inspection } } }, async (req, reply) =>
    reply.status(201).send(await service.addInspection(db, req.ctx, req.params.id, req.body)),
  );
  app.get('/rectifications', { config: { access: 'project:read' }, schema: { tags, summary: '问题整改（可筛选未销号、逾期）', querystring: rectificationListQuery, response: { 200: pageOf(rectification) } } }, async (req) =>
    service.listRectifications(readFrom(req), req.ctx, req.query),
  );
  app.post('/projects/:id/rectifications', { config: { access: 'project:manage' }, schema: { tags, summary: '登记整改事项', params: idParam, body: rectificationInput, response: { 201: rectification } } }, async (req, reply) =>
    reply.status(201).send(await service.addRectification(db, req.ctx, req.params.id, req.body)),
  );
  app.post('/rectifications/:id/close', { config: { access: 'project:write' }, schema: { tags, summary: '整改销号（须提供佐证）', params: idParam, body: rectificationClose, response: { 200: rectification } } }, async (req) =>
    service.closeRectification(db, req.ctx, req.params.id, req.body),
  );
  app.get('/projects/:id/assets', { config: { access: 'project:read' }, schema: { tags, summary: '项目资产', params: idParam, response: { 200: z.array(asset) } } }, async (req) =>
    service.listAssets(db, req.ctx, req.params.id),
  );
  app.post('/projects/:id/assets', { config: { access: 'project:manage' }, schema: { tags, summary: '登记资产（完工或验收后）', params: idParam, body: assetInput, response: { 201: asset } } }, async (req, reply) =>
    reply.status(201).send(await service.addAsset(db, req.ctx, req.params.id, req.body)),
  );
}

export const monitoringFeature = routesFeature('monitoring', registerMonitoringRoutes);
