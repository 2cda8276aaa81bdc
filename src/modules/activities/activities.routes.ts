import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { activity, activityInput, activityListQuery, activityPatch } from './activities.contract.ts';
import * as service from './activities.service.ts';
import { activityTemplate, exportActivities, importActivities } from './activities.excel.ts';

const tags = ['activities'];

/** 工作动态; filtered by pairing, the list is that pairing's timeline. */
export function registerActivityRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const access = { read: 'activity:read', write: 'activity:write' } as const;
  registerCrudRoutes(app, {
    path: '/activities', tags, name: '工作动态', ...access, readFrom,
    schemas: { item: activity, input: activityInput, patch: activityPatch, listQuery: activityListQuery },
    list: (ctx, q, from) => service.listActivities(from, ctx.scope, q),
    create: (ctx, input) => service.createActivity(db, ctx, input),
    get: (ctx, id) => service.getActivity(db, ctx.scope, id),
    update: (ctx, id, patch) => service.updateActivity(db, ctx, id, patch),
    remove: (ctx, id) => service.deleteActivity(db, ctx, id),
  });
  registerSheetRoutes(app, {
    path: '/activities', tags, name: '工作动态', ...access, readFrom, exportQuery: activityListQuery.omit({ page: true, pageSize: true }),
    template: activityTemplate, importFile: (ctx, file, skip) => importActivities(db, ctx, file, skip), exportFile: (ctx, q, from) => exportActivities(db, ctx, q, from),
  });
}

export const activitiesFeature = routesFeature('activities', registerActivityRoutes);
