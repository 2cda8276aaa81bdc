import type { z } from 'zod';
import type { RouteDeps, TypedApp } from '../../platform/http/server.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import {
  jobFair, jobFairFields, laborListQuery, laborSummary, laborSummaryQuery, placement, placementFields, retention, retentionFields, workstation, workstationFields,
} from './labor.contract.ts';
import { FAIRS, PLACEMENTS, RETENTION, WORKSTATIONS, type KindSpec } from './labor.kinds.ts';
import * as service from './labor.service.ts';

const tags = ['labor'];

interface Resource {
  path: string;
  name: string;
  /** One registration for four record kinds, each with its own schemas. */
  spec: KindSpec<any, any, any>;
  fields: z.ZodObject;
  item: z.ZodType;
}

const RESOURCES: Resource[] = [
  { path: '/labor/placements', name: '劳务输出（按月、按去向的脱贫人口与监测对象就业人数）', spec: PLACEMENTS, fields: placementFields, item: placement },
  { path: '/labor/job-fairs', name: '招聘会', spec: FAIRS, fields: jobFairFields, item: jobFair },
  { path: '/labor/workstations', name: '驻沪劳务工作站', spec: WORKSTATIONS, fields: workstationFields, item: workstation },
  { path: '/labor/retention', name: '稳岗跟踪（6 个月后仍在岗）', spec: RETENTION, fields: retentionFields, item: retention },
];

export function registerLaborRoutes(app: TypedApp, { db }: RouteDeps) {
  for (const r of RESOURCES) {
    app.get(r.path, { config: { access: 'labor:read' }, schema: { tags, summary: `${r.name}：列表（县、年度、月份筛选）`, querystring: laborListQuery, response: { 200: pageOf(r.item) } } }, async (req) =>
      service.listRecords(db, r.spec, req.ctx.scope, req.query),
    );
    app.post(r.path, { config: { access: 'labor:write' }, schema: { tags, summary: `${r.name}：登记`, body: r.fields, response: { 201: r.item } } }, async (req, reply) =>
      reply.status(201).send(await service.createRecord(db, req.ctx, r.spec, req.body)),
    );
    app.get(`${r.path}/:id`, { config: { access: 'labor:read' }, schema: { tags, summary: `${r.name}：详情`, params: idParam, response: { 200: r.item } } }, async (req) =>
      service.getRecord(db, r.spec, req.ctx.scope, req.params.id),
    );
    app.patch(`${r.path}/:id`, { config: { access: 'labor:write' }, schema: { tags, summary: `${r.name}：修改`, params: idParam, body: r.fields.partial(), response: { 200: r.item } } }, async (req) =>
      service.updateRecord(db, req.ctx, r.spec, req.params.id, req.body as Record<string, unknown>),
    );
    app.delete(`${r.path}/:id`, { config: { access: 'labor:write' }, schema: { tags, summary: `${r.name}：删除`, params: idParam } }, async (req, reply) => {
      await service.deleteRecord(db, req.ctx, r.spec, req.params.id);
      return reply.status(204).send();
    });
  }
  app.get(
    '/labor/summary',
    { config: { access: 'labor:read' }, schema: { tags, summary: '劳务协作年度合计（按县：去向、招聘会、稳岗率、工作站）', querystring: laborSummaryQuery, response: { 200: laborSummary } } },
    async (req) => service.laborSummary(db, req.ctx.scope, req.query),
  );
}
