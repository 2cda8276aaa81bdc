import { inTransaction, type Db, type Queryable } from '../../platform/db/database.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import { orgInScope } from '../../platform/access/scope.ts';
import { resolveScope, type ResolvedScope } from '../indicators/indicators.scope.ts';
import { findOrg, subtree } from '../indicators/indicators.repository.ts';
import type { ScopeInfo } from '../indicators/indicators.contract.ts';
import * as repo from './assessment.repository.ts';
import { isNotFound, storedOf, type ScopeFields } from './assessment.scope.ts';
import type { Opinion, OpinionInput, OpinionList, YearScopeQuery } from './assessment.contract.ts';

/** Where the caller stands towards a scope's report: it sees the scope, or is one of its paired units. */
interface Standing {
  scope: ResolvedScope;
  stored: repo.StoredScope;
  /** The units whose opinion the caller may record (all of the other side, or only its own). */
  counterparts: { id: number; name: string }[];
  sees: boolean;
}

const unit = ({ id, name }: { id: number; name: string }) => ({ id, name });

/** A pairing's report is one side's: the opinion is the other side's (a city-wide caller writes the east side's). */
function opposite<U extends { id: number; side: string }>(ctx: RequestContext, units: U[]): U[] {
  const mine = (side: string) => units.some((u) => u.side === side && orgInScope(ctx.scope, u.id));
  const west = !ctx.scope.all && mine('west') && !mine('east');
  return units.filter((u) => u.side === (west ? 'east' : 'west'));
}

/** The caller's own unit, the units below it and the one above it: whose opinion it may give itself. */
async function ownUnits(q: Queryable, ctx: RequestContext): Promise<Set<number>> {
  const orgId = ctx.actor.orgId;
  if (!orgId) return new Set();
  const org = await findOrg(q, orgId);
  return new Set([...(await subtree(q, orgId)), ...(org?.parent_id ? [Number(org.parent_id)] : [])]);
}

async function standing(q: Queryable, ctx: RequestContext, fields: ScopeFields, year: number): Promise<Standing> {
  try {
    const scope = await resolveScope(q, ctx, fields);
    const stored = storedOf(scope.info);
    const units = await repo.counterparts(q, stored, year);
    return { scope, stored, counterparts: (stored.kind === 'pairing' ? opposite(ctx, units) : units).map(unit), sees: true };
  } catch (err) {
    // Only a scope named outright can be another side's; the caller's own scope is always its own.
    if (!isNotFound(err) || (fields.district === undefined && fields.pairing === undefined && fields.region === undefined)) throw err;
    const scope = await resolveScope(q, systemContext, fields).catch(() => Promise.reject(err));
    const stored = storedOf(scope.info);
    const own = await ownUnits(q, ctx);
    const units = (await repo.counterparts(q, stored, year)).filter((u) => own.has(u.id));
    // A stranger is told what an unknown scope tells.
    if (units.length === 0) throw err;
    return { scope, stored, counterparts: units.map(unit), sees: false };
  }
}

const fieldsOfInput = (x: ScopeFields): ScopeFields => ({ district: x.district, pairing: x.pairing, region: x.region });

function present(r: repo.OpinionRow, scope: ScopeInfo): Opinion {
  return {
    id: Number(r.id), scope, year: r.year, fromOrgId: Number(r.from_org_id), fromOrgName: r.from_org_name, opinion: r.opinion, givenOn: r.given_on,
    recordedBy: r.recorded_by, owningOrgName: r.owning_org_name, createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The opinions on a scope's report; a paired unit that cannot see the scope gets its own units' only. */
export async function listOpinions(q: Queryable, ctx: RequestContext, query: YearScopeQuery): Promise<OpinionList> {
  const st = await standing(q, ctx, fieldsOfInput(query), query.year);
  const mine = new Set(st.counterparts.map((u) => u.id));
  const rows = (await repo.listOpinions(q, st.stored, query.year)).filter((r) => st.sees || mine.has(Number(r.from_org_id)));
  return { scope: st.scope.info, items: rows.map((r) => present(r, st.scope.info)), counterparts: st.counterparts };
}

/** Records an opinion received (a caller who sees the scope) or given (a paired unit, its own). */
export async function createOpinion(db: Db, ctx: RequestContext, input: OpinionInput): Promise<Opinion> {
  return inTransaction(db, async (trx) => {
    const st = await standing(trx, ctx, fieldsOfInput(input), input.year);
    if (!st.counterparts.some((u) => u.id === input.fromOrgId)) {
      const who = st.sees ? `${st.scope.info.name}${input.year}年的结对方单位` : '本单位（或上下级单位）且为该范围结对方的单位';
      throw invalidField('fromOrgId', `提出意见的单位应为${who}`);
    }
    const id = await repo.insertOpinion(trx, st.stored, {
      year: input.year, from_org_id: input.fromOrgId, opinion: input.opinion, given_on: input.givenOn, recorded_by: ctx.actor.name, owning_org_id: ctx.actor.orgId ?? null,
    });
    const created = present(await repo.findOpinion(trx, id), st.scope.info);
    await writeAudit(trx, ctx, { entity: 'assessment_opinion', entityId: id, action: 'create', after: created });
    return created;
  });
}
