import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerRecordKindRoutes, type KindResource } from '../recordkinds/recordkinds.routes.ts';
import { INDUSTRY_FILES, INDUSTRY_SHEETS } from './industry.excel.ts';
import {
  enterprise, enterpriseFields, farming, farmingFields, industryListQuery, industrySummary, industrySummaryQuery, park, parkFields, workshop, workshopFields,
} from './industry.contract.ts';
import { ENTERPRISES, FARMING, PARKS, WORKSHOPS } from './industry.kinds.ts';
import * as service from './industry.service.ts';

const tags = ['industry'];
/** 产业合作 is read and recorded with the actions of the other cooperation records (工作动态、社会帮扶、培训). */
const access = { read: 'activity:read', write: 'activity:write' } as const;

const RESOURCES: KindResource[] = [
  { path: '/industry/enterprises', name: '引进企业（来源、行业、签约与到位投资、带动就业）', spec: ENTERPRISES, fields: enterpriseFields, item: enterprise },
  { path: '/industry/parks', name: '产业园区和基地（面积亩、入驻企业、带动就业）', spec: PARKS, fields: parkFields, item: park },
  { path: '/industry/workshops', name: '帮扶车间（吸纳就业，其中脱贫人口与监测对象）', spec: WORKSHOPS, fields: workshopFields, item: workshop },
  { path: '/industry/contract-farming', name: '订单农业（规模亩、带动农户、合同金额）', spec: FARMING, fields: farmingFields, item: farming },
];

export function registerIndustryRoutes(app: TypedApp, deps: RouteDeps) {
  const { db, read: readFrom } = deps;
  registerRecordKindRoutes(app, deps, { tags, ...access, listQuery: industryListQuery, resources: RESOURCES, sheets: INDUSTRY_SHEETS, service, files: INDUSTRY_FILES });
  app.get(
    '/industry/summary',
    {
      config: { access: access.read },
      schema: { tags, summary: '产业合作年度合计（按县：引进企业与投资、带动就业、园区基地、帮扶车间、订单农业）', querystring: industrySummaryQuery, response: { 200: industrySummary } },
    },
    async (req) => service.industrySummary(readFrom(req), req.ctx.scope, req.query),
  );
}

export const industryFeature = routesFeature('industry', registerIndustryRoutes);
