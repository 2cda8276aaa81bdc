import type { Queryable } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import type { Scope } from '../../platform/access/scope.ts';
import type { RefKind } from '../../platform/contract.ts';
import { activityInScope } from '../activities/activities.repository.ts';
import { donationInScope } from '../donations/donations.repository.ts';
import { trainingInScope } from '../training/training.repository.ts';
import { projectInScope } from '../projects/projects.repository.ts';
import { dispatchInScope, personInScope } from '../personnel/personnel.repository.ts';
import * as pairingsRepo from '../pairings/pairings.repository.ts';
import * as editionsRepo from '../editions/editions.repository.ts';
import { regionCodeInScope } from '../../platform/access/scope.ts';

/**
 * The one rule for references: every id an input names is checked here, by its kind, inside the
 * change's transaction — it exists and the caller may see it. Absent and out of scope answer the
 * same 400 on the field, so ids cannot be probed. Organisations are a directory every user may name
 * (pickers look them up by name); what naming another unit may do is decided by ownership and claims.
 */
const LABELS: Record<RefKind, string> = {
  org: '组织', pairing: '结对关系', agreement: '协议', activity: '工作动态', project: '项目', donation: '捐赠', training: '培训',
  supplier: '供应主体', product: '产品', person: '援派人员', dispatch: '派驻记录', inspection: '检查记录', edition: '简报',
};

type Visible = (q: Queryable, scope: Scope, id: number) => Promise<boolean>;
const found = async (p: Promise<unknown>) => !!(await p);

const VISIBLE: Record<RefKind, Visible> = {
  org: (q, _s, id) => found(q.selectFrom('orgs').select('id').where('id', '=', id).executeTakeFirst()),
  pairing: (q, s, id) => found(pairingsRepo.findById(q, id, s)),
  agreement: async (q, s, id) => {
    const a = await q.selectFrom('agreements').select('pairing_id').where('id', '=', id).executeTakeFirst();
    return !!a && found(pairingsRepo.findById(q, a.pairing_id, s));
  },
  activity: (q, s, id) => found(q.selectFrom('activities as a').select('a.id').where('a.id', '=', id).where(activityInScope(s)).executeTakeFirst()),
  project: (q, s, id) => found(q.selectFrom('projects as p').select('p.id').where('p.id', '=', id).where(projectInScope(s)).executeTakeFirst()),
  donation: (q, s, id) => found(q.selectFrom('donations as d').select('d.id').where('d.id', '=', id).where(donationInScope(s)).executeTakeFirst()),
  training: (q, s, id) => found(q.selectFrom('trainings as tr').select('tr.id').where('tr.id', '=', id).where(trainingInScope(s)).executeTakeFirst()),
  // Suppliers and their products are seen by their county, widened by the caller's pairings.
  supplier: async (q, s, id) => found(q.selectFrom('suppliers as s').select('s.id').where('s.id', '=', id).where(regionCodeInScope(await pairingsRepo.withPairedCounties(q, s), 's.county_code')).executeTakeFirst()),
  product: async (q, s, id) => found(q.selectFrom('products as p').select('p.id').where('p.id', '=', id).where(regionCodeInScope(await pairingsRepo.withPairedCounties(q, s), 'p.county_code')).executeTakeFirst()),
  person: (q, s, id) => found(q.selectFrom('persons as p').select('p.id').where('p.id', '=', id).where(personInScope(s)).executeTakeFirst()),
  dispatch: (q, s, id) => found(q.selectFrom('dispatches as d').innerJoin('persons as p', 'p.id', 'd.person_id').select('d.id').where('d.id', '=', id).where(dispatchInScope(s)).executeTakeFirst()),
  inspection: (q, s, id) => found(q.selectFrom('project_inspections as i').innerJoin('projects as p', 'p.id', 'i.project_id').select('i.id').where('i.id', '=', id).where(projectInScope(s)).executeTakeFirst()),
  edition: (q, s, id) => found(editionsRepo.findEdition(q, s, id)),
};

export const refMessage = (kind: RefKind, id: number) => `${LABELS[kind]} ${id} 不存在或不在您的数据范围内`;

/** Whether the caller may see the record of that kind, straight from the database. */
export const isVisible = (q: Queryable, scope: Scope, kind: RefKind, id: number): Promise<boolean> => VISIBLE[kind](q, scope, id);

export type Refs = [path: string, kind: RefKind, id: number | null | undefined][];

/** Several references, in the order given (the first failing one is reported), seen through `visible`. */
export async function checkRefsBy(visible: (kind: RefKind, id: number) => Promise<boolean>, refs: Refs): Promise<void> {
  for (const [path, kind, id] of refs) if (id != null && !(await visible(kind, id))) throw invalidField(path, refMessage(kind, id));
}

/** 400 on `path` unless the record of that kind exists and the caller may see it. */
export async function checkRef(q: Queryable, scope: Scope, kind: RefKind, id: number | null | undefined, path: string): Promise<void> {
  await checkRefsBy((k, i) => VISIBLE[k](q, scope, i), [[path, kind, id]]);
}

export async function checkRefs(q: Queryable, scope: Scope, refs: Refs): Promise<void> {
  await checkRefsBy((k, i) => VISIBLE[k](q, scope, i), refs);
}

/** A division code cut to its natural length (533400 is the prefecture 5334, 530000 the province 53). */
const natural = (code: string) => {
  const c = code.slice(0, 6);
  if (code.length > 6) return c;
  return c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : c;
};
/** One place lies within the other (or they are the same). */
export const sameArea = (a: string, b: string) => natural(a).startsWith(natural(b)) || natural(b).startsWith(natural(a));

/** A pairing's two sides, as the fit of a record's places is checked against them. */
export interface PairingSides { east_name: string; east_region: string | null; west_name: string; west_region: string | null }

const pairingSides = (q: Queryable, pairingId: number): Promise<PairingSides | undefined> =>
  q.selectFrom('pairings as p').innerJoin('orgs as e', 'e.id', 'p.east_org_id').innerJoin('orgs as w', 'w.id', 'p.west_org_id')
    .select(['e.name as east_name', 'e.region_code as east_region', 'w.name as west_name', 'w.region_code as west_region']).where('p.id', '=', pairingId).executeTakeFirst();

/**
 * The places a record names must fit its pairing: each lies in the area of the pairing's west side
 * (`west`) or of either side (`either`: participants come from both ends).
 */
export async function checkFitsPairing(q: Queryable, pairingId: number | null | undefined, places: [path: string, code: string | null | undefined][], sides: 'west' | 'either') {
  if (pairingId == null) return;
  checkFits(await pairingSides(q, pairingId), places, sides);
}

/** The same against a pairing already read (none: nothing to fit). */
export function checkFits(p: PairingSides | undefined, places: [path: string, code: string | null | undefined][], sides: 'west' | 'either') {
  if (!p) return;
  const areas = [p.west_region, ...(sides === 'either' ? [p.east_region] : [])].filter((x): x is string => !!x);
  if (!areas.length) return;
  for (const [path, code] of places) {
    if (!code || areas.some((a) => sameArea(code, a))) continue;
    const where = sides === 'west' ? `受援方${p.west_name}所在地` : `结对双方（${p.east_name}、${p.west_name}）所在地`;
    throw invalidField(path, `${code} 不在该结对关系的${where}范围内`);
  }
}
