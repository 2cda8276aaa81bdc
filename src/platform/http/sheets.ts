import type { z } from 'zod';
import type { RequestContext } from '../context.ts';
import type { Access } from '../access/actions.ts';
import type { ImportResult } from '../excel/import.ts';
import type { Db } from '../db/database.ts';
import type { TypedApp } from './server.ts';
import type { ReadFrom } from './reads.ts';
import { importQuery, importResult, requireFile, sendFile } from './files.ts';

/** The three spreadsheet routes of a record kind: the template, an all-or-nothing import, an export of the filtered list. */
export function registerSheetRoutes<Q extends z.ZodObject>(
  app: TypedApp,
  spec: {
    path: string;
    tags: string[];
    /** The file name's stem, e.g. 捐赠. */
    name: string;
    read: Access;
    write: Access;
    exportQuery: Q;
    /** Where the export reads its rows from (deps.read); its audit row is still written to the primary. */
    readFrom: ReadFrom;
    template: () => Promise<Buffer>;
    importFile: (ctx: RequestContext, file: Buffer, skipInvalid: boolean) => Promise<ImportResult>;
    exportFile: (ctx: RequestContext, query: z.infer<Q>, from: Db) => Promise<Buffer>;
  },
) {
  const { path, tags, name } = spec;
  app.get(`${path}/import-template.xlsx`, { config: { access: spec.read }, schema: { tags, summary: `${name}导入模板` } }, async (_req, reply) => sendFile(reply, await spec.template(), `${name}导入模板.xlsx`));
  app.post(
    `${path}/import`,
    { config: { access: spec.write }, schema: { tags, summary: `从 Excel 导入${name}：有错误则全部不导入（skipInvalid=true 时跳过错误行）`, querystring: importQuery, response: { 200: importResult } } },
    async (req) => spec.importFile(req.ctx, requireFile(req.body), req.query.skipInvalid),
  );
  app.get(`${path}/export.xlsx`, { config: { access: spec.read }, schema: { tags, summary: `导出${name}（Excel）`, querystring: spec.exportQuery } }, async (req, reply) =>
    sendFile(reply, await spec.exportFile(req.ctx, req.query as z.infer<Q>, spec.readFrom(req)), `${name}.xlsx`),
  );
}
