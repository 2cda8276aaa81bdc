import type { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { LABOR_SHEETS, exportLabor, importLabor, laborTemplate } from './labor.excel.ts';
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
    registerCrudRoutes(app, {
      path: r.path, tags, name: r.name, read: 'labor:read', write: 'labor:write',
      schemas: { item: r.item, input: r.fields, patch: r.fields.partial(), listQuery: laborListQuery },
      list: (ctx, q) => service.listRecords(db, r.spec, ctx.scope, q),
      create: (ctx, input) => service.createRecord(db, ctx, r.spec, input),
      get: (ctx, id) => service.getRecord(db, r.spec, ctx.scope, id),
      update: (ctx, id, patch) => service.updateRecord(db, ctx, r.spec, id, patch as Record<string, unknown>),
      remove: (ctx, id) => service.deleteRecord(db, ctx, r.spec, id),
    });
  }
  for (const sheet of LABOR_SHEETS) {
    registerSheetRoutes(app, {
      path: sheet.path, tags, name: sheet.name, read: 'labor:read', write: 'labor:write', exportQuery: laborListQuery.omit({ page: true, pageSize: true }),
      template: () => laborTemplate(sheet), importFile: (ctx, file, skip) => importLabor(db, ctx, sheet, file, skip), exportFile: (ctx, q) => exportLabor(db, ctx, sheet, q),
    });
  }
  app.get(
    '/labor/summary',
    { config: { access: 'labor:read' }, schema: { tags, summary: '劳务协作年度合计（按县：去向、招聘会、稳岗率、工作站）', querystring: laborSummaryQuery, response: { 200: laborSummary } } },
    async (req) => service.laborSummary(db, req.ctx.scope, req.query),
  );
}

export const laborFeature = routesFeature('labor', registerLaborRoutes);
