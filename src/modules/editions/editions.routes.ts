import { z } from 'zod';
import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam, pageOf } from '../../platform/contract.ts';
import { sendFile } from '../../platform/http/files.ts';
import { DOCX } from '../bulletins/bulletins.routes.ts';
import {
  candidateItem, candidateQuery, edition, editionInput, editionListQuery, editionPatch, editionSummary, itemsInput, nextNumbers, nextNumbersQuery, returnInput,
} from './editions.contract.ts';
import * as service from './editions.service.ts';
import { layoutOf } from './editions.layout.ts';
import { editionDocx } from './editions.docx.ts';
import { editionHtml } from './editions.html.ts';
import { docxToPdf } from './editions.pdf.ts';

const tags = ['bulletin-editions'];
const read = { config: { access: 'activity:read' as const } };
const write = { config: { access: 'bulletin:write' as const } };
const issue = { config: { access: 'bulletin:issue' as const } };
const fileName = (e: { title: string; numberLabel: string }, ext: string) => `${e.title}${e.numberLabel}.${ext}`;

export function registerEditionRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const P = '/bulletin-editions';
  app.get(P, { ...read, schema: { tags, summary: '编发的简报', querystring: editionListQuery, response: { 200: pageOf(editionSummary) } } }, (req) => service.listEditions(readFrom(req), req.ctx, req.query));
  app.get(`${P}/candidates`, { ...read, schema: { tags, summary: '组稿：从一段时间的工作动态起草条目', querystring: candidateQuery, response: { 200: z.array(candidateItem) } } }, (req) =>
    service.candidates(db, req.ctx, req.query),
  );
  app.get(`${P}/next-numbers`, { ...write, schema: { tags, summary: '下一期的期号与总期号', querystring: nextNumbersQuery, response: { 200: nextNumbers } } }, (req) =>
    service.nextNumbers(db, req.ctx, req.query),
  );
  app.post(P, { ...write, schema: { tags, summary: '新建一期简报（可从工作动态组稿）', body: editionInput, response: { 201: edition } } }, async (req, reply) =>
    reply.status(201).send(await service.createEdition(db, req.ctx, req.body)),
  );
  app.get(`${P}/:id`, { ...read, schema: { tags, summary: '一期简报及其条目', params: idParam, response: { 200: edition } } }, (req) => service.getEdition(db, req.ctx, req.params.id));
  app.patch(`${P}/:id`, { ...write, schema: { tags, summary: '修改报头信息（草稿）', params: idParam, body: editionPatch, response: { 200: edition } } }, (req) =>
    service.updateEdition(db, req.ctx, req.params.id, req.body),
  );
  app.put(`${P}/:id/items`, { ...write, schema: { tags, summary: '编辑条目：排序、修改、增加、删除（草稿）', params: idParam, body: itemsInput, response: { 200: edition } } }, (req) =>
    service.replaceItems(db, req.ctx, req.params.id, req.body.items),
  );
  app.delete(`${P}/:id`, { ...write, schema: { tags, summary: '删除草稿', params: idParam } }, async (req, reply) => {
    await service.deleteEdition(db, req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post(`${P}/:id/submit`, { ...write, schema: { tags, summary: '送审', params: idParam, response: { 200: edition } } }, (req) => service.transition(db, req.ctx, req.params.id, 'submit'));
  app.post(`${P}/:id/return`, { ...issue, schema: { tags, summary: '退回修改', params: idParam, body: returnInput, response: { 200: edition } } }, (req) =>
    service.transition(db, req.ctx, req.params.id, 'return', req.body.reason),
  );
  app.post(`${P}/:id/issue`, { ...issue, schema: { tags, summary: '审核通过并印发（此后不能修改）', params: idParam, response: { 200: edition } } }, (req) => service.transition(db, req.ctx, req.params.id, 'issue'));

  app.get(`${P}/:id/docx`, { ...read, schema: { tags, summary: '下载 DOCX（GB/T 9704-2012 版式）', params: idParam } }, async (req, reply) => {
    const e = await service.getEdition(db, req.ctx, req.params.id);
    return sendFile(reply, await editionDocx(layoutOf(e)), fileName(e, 'docx'), DOCX);
  });
  app.get(`${P}/:id/pdf`, { ...read, schema: { tags, summary: '下载 PDF（需服务器安装 LibreOffice）', params: idParam } }, async (req, reply) => {
    const e = await service.getEdition(db, req.ctx, req.params.id);
    return sendFile(reply, await docxToPdf(await editionDocx(layoutOf(e))), fileName(e, 'pdf'), 'application/pdf');
  });
  app.get(`${P}/:id/html`, { ...read, schema: { tags, summary: '网页版（可打印）', params: idParam } }, async (req, reply) => {
    const e = await service.getEdition(db, req.ctx, req.params.id);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(editionHtml(layoutOf(e)));
  });
}

export const editionsFeature = routesFeature('editions', registerEditionRoutes);
