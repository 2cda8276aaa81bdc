import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { summary, summaryQuery, training, trainingInput, trainingListQuery, trainingPatch } from './training.contract.ts';
import * as service from './training.service.ts';
import { exportTrainings, importTrainings, trainingTemplate } from './training.excel.ts';

const tags = ['training'];

export function registerTrainingRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const access = { read: 'activity:read', write: 'activity:write' } as const;
  app.get('/trainings/summary', { config: { access: access.read }, schema: { tags, summary: '年度批次、人次及同比变化（计算所得）', querystring: summaryQuery, response: { 200: summary } } }, async (req) =>
    service.trainingSummary(readFrom(req), req.ctx.scope, req.query.year, req.query.county),
  );
  registerCrudRoutes(app, {
    path: '/trainings', tags, name: '培训', ...access, readFrom,
    schemas: { item: training, input: trainingInput, patch: trainingPatch, listQuery: trainingListQuery },
    list: (ctx, q, from) => service.listTrainings(from, ctx.scope, q),
    create: (ctx, input) => service.createTraining(db, ctx, input),
    get: (ctx, id) => service.getTraining(db, ctx.scope, id),
    update: (ctx, id, patch) => service.updateTraining(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteTraining(db, ctx, id),
  });
  registerSheetRoutes(app, {
    path: '/trainings', tags, name: '培训', ...access, readFrom, exportQuery: trainingListQuery.omit({ page: true, pageSize: true }),
    template: trainingTemplate, importFile: (ctx, file, skip) => importTrainings(db, ctx, file, skip), exportFile: (ctx, q, from) => exportTrainings(db, ctx, q, from),
  });
}

export const trainingFeature = routesFeature('training', registerTrainingRoutes);
