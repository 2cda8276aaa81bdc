import type { RouteDeps, TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import { entry, entryInput, entryListQuery, entryPatch, type EntryKind } from './indicators.entries.contract.ts';
import * as service from './indicators.entries.service.ts';
import { entryTemplate, exportEntries, importEntries } from './indicators.entries.excel.ts';
import { exportWarnings, warningsFor } from './indicators.warnings.ts';
import { sendFile } from '../../platform/http/files.ts';
import { scopeQuery, warnings } from './indicators.contract.ts';

const tags = ['indicators'];
const access = { read: 'indicator:read', write: 'indicator:write' } as const;
const KINDS: { kind: EntryKind; path: string; name: string }[] = [
  { kind: 'target', path: '/indicator-targets', name: '考核目标' },
  { kind: 'reported', path: '/reported-figures', name: '填报数据' },
];

/** Targets and reported figures (one record kind each, one table), and the warnings of what is behind its target. */
export function registerEntryRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  for (const { kind, path, name } of KINDS) {
    registerCrudRoutes(app, {
      path, tags, name, ...access, readFrom,
      schemas: { item: entry, input: entryInput, patch: entryPatch, listQuery: entryListQuery },
      list: (ctx, q, from) => service.listEntries(from, ctx, kind, q),
      create: (ctx, input) => service.createEntry(db, ctx, kind, input),
      get: (ctx, id) => service.getEntry(db, ctx, kind, id),
      update: (ctx, id, patch) => service.updateEntry(db, ctx, kind, id, patch),
      remove: (ctx, id) => service.deleteEntry(db, ctx, kind, id),
    });
    registerSheetRoutes(app, {
      path, tags, name, ...access, readFrom, exportQuery: entryListQuery.omit({ page: true, pageSize: true }),
      template: () => entryTemplate(kind), importFile: (ctx, file, skip) => importEntries(db, ctx, kind, file, skip), exportFile: (ctx, q, from) => exportEntries(db, ctx, kind, q, from),
    });
  }
  app.get('/indicators/warnings', { config: { access: access.read }, schema: { tags, summary: '目标预警：范围内进度落后于目标的指标', querystring: scopeQuery, response: { 200: warnings } } }, async (req) => warningsFor(readFrom(req), req.ctx, req.query));
  app.get('/indicators/warnings/export', { config: { access: access.read }, schema: { tags, summary: '目标预警导出 Excel', querystring: scopeQuery } }, async (req, reply) =>
    sendFile(reply, await exportWarnings(readFrom(req), req.ctx, req.query), `目标预警-${req.query.year}.xlsx`));
}
