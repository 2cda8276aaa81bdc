import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { sendFile } from '../../platform/http/files.ts';
import * as service from './indicators.service.ts';
import { tenHaves } from './indicators.grid.ts';
import { registerEntryRoutes } from './indicators.entries.routes.ts';
import { exportEvidence, exportGrid, exportRanking, exportValues } from './indicators.excel.ts';
import {
  codeParam, evidencePage, evidenceQuery, grid, gridQuery, indicatorDefinition, indicatorReport, ranking, rankingQuery, scopeChoices, scopeQuery, series, seriesQuery,
} from './indicators.contract.ts';

const tags = ['indicators'];
const access = 'indicator:read' as const;
const scopesQuery = z.object({ year: z.coerce.number({ error: '年度 year 应为整数' }).int().min(2000, '年度 year 应在 2000–2100 之间').max(2100, '年度 year 应在 2000–2100 之间').optional() });

export function registerIndicatorRoutes(app: TypedApp, deps: RouteDeps) {
  // Every route here only reads: the dashboards and their exports read from the replica when it is current.
  const readFrom = deps.read;
  registerEntryRoutes(app, deps);
  app.get('/indicators', { config: { access }, schema: { tags, summary: '指标定义（代码、名称、单位、考核方面、口径）', response: { 200: z.array(indicatorDefinition) } } }, async () => service.definitions());
  app.get('/indicators/scopes', { config: { access }, schema: { tags, summary: '可查看的范围（本人默认范围、区、结对关系、地区）', querystring: scopesQuery, response: { 200: scopeChoices } } }, async (req) =>
    service.scopeChoices(readFrom(req), req.ctx, req.query.year ?? new Date().getFullYear()),
  );
  app.get('/indicators/values', { config: { access }, schema: { tags, summary: '范围和期间的全部指标，含同期、同比、填报数和目标', querystring: scopeQuery, response: { 200: indicatorReport } } }, async (req) =>
    service.computeIndicators(readFrom(req), req.ctx, req.query),
  );
  app.get('/indicators/values/export', { config: { access }, schema: { tags, summary: '指标表导出 Excel', querystring: scopeQuery } }, async (req, reply) =>
    sendFile(reply, await exportValues(readFrom(req), req.ctx, req.query), `考核指标-${req.query.year}.xlsx`),
  );
  app.get('/indicators/ranking/export', { config: { access }, schema: { tags, summary: '排名导出 Excel', querystring: rankingQuery } }, async (req, reply) =>
    sendFile(reply, await exportRanking(readFrom(req), req.ctx, req.query), `排名-${req.query.indicator}-${req.query.year}.xlsx`),
  );
  app.get('/indicators/ranking', { config: { access }, schema: { tags, summary: '按区或按县排名', querystring: rankingQuery, response: { 200: ranking } } }, async (req) => service.ranking(readFrom(req), req.ctx, req.query));
  app.get('/indicators/series', { config: { access }, schema: { tags, summary: '逐年数值（图表）', querystring: seriesQuery, response: { 200: series } } }, async (req) => service.series(readFrom(req), req.ctx, req.query));
  app.get('/indicators/grid', { config: { access }, schema: { tags, summary: '十有：每个结对关系的十项', querystring: gridQuery, response: { 200: grid } } }, async (req) => tenHaves(readFrom(req), req.ctx, req.query));
  app.get('/indicators/grid/export', { config: { access }, schema: { tags, summary: '十有导出 Excel', querystring: scopeQuery } }, async (req, reply) =>
    sendFile(reply, await exportGrid(readFrom(req), req.ctx, req.query), `${req.query.year}年十有.xlsx`),
  );
  app.get('/indicators/:code/evidence', { config: { access }, schema: { tags, summary: '指标的佐证记录（分页），每条记录计入的数值', params: codeParam, querystring: evidenceQuery, response: { 200: evidencePage } } }, async (req) =>
    service.indicatorEvidence(readFrom(req), req.ctx, req.params.code, req.query),
  );
  app.get('/indicators/:code/evidence/export', { config: { access }, schema: { tags, summary: '指标的佐证记录导出 Excel', params: codeParam, querystring: scopeQuery } }, async (req, reply) => {
    const file = await exportEvidence(readFrom(req), req.ctx, req.params.code, req.query);
    return sendFile(reply, file, `${req.params.code}-佐证记录.xlsx`);
  });
}

export const indicatorsFeature = routesFeature('indicators', registerIndicatorRoutes);
