import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { idParam } from '../../platform/contract.ts';
import { sendFile } from '../../platform/http/files.ts';
import { DOCX } from '../bulletins/bulletins.routes.ts';
import {
  opinion, opinionInput, opinionList, reportSummary, sample, sampleInput, sampleItemParams, sampleItemPatch, sampleList, yearScopeQuery,
} from './assessment.contract.ts';
import { reportModel, reportSummary as summarize } from './assessment.report.ts';
import { reportDocx } from './assessment.report.docx.ts';
import { createOpinion, listOpinions } from './assessment.opinions.ts';
import { checkItem, createSample, getSample, listSamples } from './assessment.samples.ts';
import { exportSample } from './assessment.excel.ts';

const tags = ['assessment'];
const read = { config: { access: 'indicator:read' as const } };
const write = { config: { access: 'indicator:write' as const } };
const P = '/assessment';

export function registerAssessmentRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  app.get(`${P}/report`, { ...read, schema: { tags, summary: '自评报告概要：各考核方面的指标数与有记录的指标数、意见数、核查样本数', querystring: yearScopeQuery, response: { 200: reportSummary } } }, (req) =>
    summarize(readFrom(req), req.ctx, req.query),
  );
  app.get(`${P}/report.docx`, { ...read, schema: { tags, summary: '下载自评报告 DOCX（GB/T 9704-2012 版式）', querystring: yearScopeQuery } }, async (req, reply) => {
    const model = await reportModel(readFrom(req), req.ctx, req.query);
    return sendFile(reply, await reportDocx(model), model.fileName, DOCX);
  });

  app.get(`${P}/opinions`, { ...read, schema: { tags, summary: '征求意见：结对方对自评报告的意见，及可提出意见的结对方单位', querystring: yearScopeQuery, response: { 200: opinionList } } }, (req) =>
    listOpinions(readFrom(req), req.ctx, req.query),
  );
  app.post(`${P}/opinions`, { ...write, schema: { tags, summary: '录入结对方意见（收到的，或本单位作为结对方提出的）', body: opinionInput, response: { 201: opinion } } }, async (req, reply) =>
    reply.status(201).send(await createOpinion(db, req.ctx, req.body)),
  );

  app.post(`${P}/samples`, { ...write, schema: { tags, summary: '交叉核查：按随机种子从每项指标的佐证记录中抽样', body: sampleInput, response: { 201: sample } } }, async (req, reply) =>
    reply.status(201).send(await createSample(db, req.ctx, req.body)),
  );
  app.get(`${P}/samples`, { ...read, schema: { tags, summary: '范围和年度的核查样本', querystring: yearScopeQuery, response: { 200: sampleList } } }, (req) => listSamples(readFrom(req), req.ctx, req.query));
  app.get(`${P}/samples/:id`, { ...read, schema: { tags, summary: '核查样本及其核查清单', params: idParam, response: { 200: sample } } }, (req) => getSample(db, req.ctx, req.params.id));
  app.patch(`${P}/samples/:id/items/:index`, { ...write, schema: { tags, summary: '登记一条抽样记录的核查结果', params: sampleItemParams, body: sampleItemPatch, response: { 200: sample } } }, (req) =>
    checkItem(db, req.ctx, req.params.id, req.params.index, req.body),
  );
  app.get(`${P}/samples/:id/export.xlsx`, { ...read, schema: { tags, summary: '核查清单导出 Excel', params: idParam } }, async (req, reply) => {
    const { file, name } = await exportSample(readFrom(req), req.ctx, req.params.id);
    return sendFile(reply, file, name);
  });
}

export const assessmentFeature = routesFeature('assessment', registerAssessmentRoutes);
