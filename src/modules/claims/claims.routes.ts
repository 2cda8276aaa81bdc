import { routesFeature, type RouteDeps, type TypedApp } from '../../platform/feature.ts';
import { pageOf } from '../../platform/contract.ts';
import { claim, claimDecision, claimListQuery, claimParams, claimRefusal } from './claims.contract.ts';
import * as service from './claims.service.ts';

const tags = ['claims'];

/** 认领: figures credited to another unit wait for it to confirm or refuse; the permission needed depends on the record kind. */
export function registerClaimRoutes(app: TypedApp, { db, read: readFrom }: RouteDeps) {
  const user = { config: { access: 'user' as const } };
  app.get('/claims', { ...user, schema: { tags, summary: '待确认（认领）的计入：计入本单位的（incoming）或本单位计入他方的（outgoing）', querystring: claimListQuery, response: { 200: pageOf(claim) } } }, (req) =>
    service.listClaims(readFrom(req), req.ctx, req.query),
  );
  app.post('/claims/:kind/:id/confirm', { ...user, schema: { tags, summary: '确认计入本单位', params: claimParams, body: claimDecision, response: { 200: claim } } }, (req) =>
    service.decideClaim(db, req.ctx, req.params.kind, req.params.id, { status: 'confirmed', reason: req.body?.reason }),
  );
  app.post('/claims/:kind/:id/refuse', { ...user, schema: { tags, summary: '拒绝计入本单位（须说明理由）', params: claimParams, body: claimRefusal, response: { 200: claim } } }, (req) =>
    service.decideClaim(db, req.ctx, req.params.kind, req.params.id, { status: 'refused', reason: req.body.reason }),
  );
}

export const claimsFeature = routesFeature('claims', registerClaimRoutes);
