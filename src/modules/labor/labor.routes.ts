import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerRecordKindRoutes, type KindResource } from '../recordkinds/recordkinds.routes.ts';
import { LABOR_FILES, LABOR_SHEETS } from './labor.excel.ts';
import {
  jobFair, jobFairFields, laborListQuery, laborSummary, laborSummaryQuery, placement, placementFields, retention, retentionFields, workstation, workstationFields,
} from './labor.contract.ts';
import { FAIRS, PLACEMENTS, RETENTION, WORKSTATIONS } from './labor.kinds.ts';
import * as service from './labor.service.ts';

const tags = ['labor'];

const RESOURCES: KindResource[] = [
  { path: '/labor/placements', name: '劳务输出（按月、按去向的脱贫人口与监测对象就业人数）', spec: PLACEMENTS, fields: placementFields, item: placement },
  { path: '/labor/job-fairs', name: '招聘会', spec: FAIRS, fields: jobFairFields, item: jobFair },
  { path: '/labor/workstations', name: '驻沪劳务工作站', spec: WORKSTATIONS, fields: workstationFields, item: workstation },
  { path: '/labor/retention', name: '稳岗跟踪（6 个月后仍在岗）', spec: RETENTION, fields: retentionFields, item: retention },
];

export function registerLaborRoutes(app: TypedApp, deps: RouteDeps) {
  const { db, read: readFrom } = deps;
  registerRecordKindRoutes(app, deps, { tags, read: 'labor:read', write: 'labor:write', listQuery: laborListQuery, resources: RESOURCES, sheets: LABOR_SHEETS, service, files: LABOR_FILES });
  app.get(
    '/labor/summary',
    { config: { access: 'labor:read' }, schema: { tags, summary: '劳务协作年度合计（按县：去向、招聘会、稳岗率、工作站）', querystring: laborSummaryQuery, response: { 200: laborSummary } } },
    async (req) => service.laborSummary(readFrom(req), req.ctx.scope, req.query),
  );
}

export const laborFeature = routesFeature('labor', registerLaborRoutes);
