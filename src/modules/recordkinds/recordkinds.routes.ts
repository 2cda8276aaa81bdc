import type { z } from 'zod';
import type { Access } from '../../platform/access/actions.ts';
import type { RouteDeps, TypedApp } from '../../platform/feature.ts';
import { registerCrudRoutes } from '../../platform/http/crud.ts';
import { registerSheetRoutes } from '../../platform/http/sheets.ts';
import type { AnySpec, recordKinds } from './recordkinds.service.ts';
import type { KindSheet, kindSheetFiles } from './recordkinds.sheets.ts';

export interface KindResource {
  path: string;
  name: string;
  /** One registration for every record kind, each with its own schemas. */
  spec: AnySpec;
  fields: z.ZodObject;
  item: z.ZodType;
}

/** The five CRUD routes of every kind and the sheet routes (template, import, export) of every sheet. */
export function registerRecordKindRoutes(
  app: TypedApp,
  { db, read: readFrom }: Pick<RouteDeps, 'db' | 'read'>,
  o: {
    tags: string[];
    read: Access;
    write: Access;
    listQuery: z.ZodObject;
    resources: KindResource[];
    sheets: KindSheet[];
    service: ReturnType<typeof recordKinds<any, any, any>>;
    files: ReturnType<typeof kindSheetFiles<any>>;
  },
) {
  const { tags, read, write, service, files } = o;
  for (const r of o.resources) {
    registerCrudRoutes(app, {
      path: r.path, tags, name: r.name, read, write, readFrom,
      schemas: { item: r.item, input: r.fields, patch: r.fields.partial(), listQuery: o.listQuery },
      list: (ctx, q, from) => service.listRecords(from, r.spec, ctx.scope, q),
      create: (ctx, input) => service.createRecord(db, ctx, r.spec, input),
      get: (ctx, id) => service.getRecord(db, r.spec, ctx.scope, id),
      update: (ctx, id, patch) => service.updateRecord(db, ctx, r.spec, id, patch as Record<string, unknown>),
      remove: (ctx, id) => service.deleteRecord(db, ctx, r.spec, id),
    });
  }
  for (const sheet of o.sheets) {
    registerSheetRoutes(app, {
      path: sheet.path, tags, name: sheet.name, read, write, readFrom, exportQuery: o.listQuery.omit({ page: true, pageSize: true }),
      template: () => files.template(sheet), importFile: (ctx, file, skip) => files.importFile(db, ctx, sheet, file, skip), exportFile: (ctx, q, from) => files.exportFile(db, ctx, sheet, q, from),
    });
  }
}
