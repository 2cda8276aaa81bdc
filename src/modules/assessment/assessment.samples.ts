import { inTransaction, type Db, type Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import { BY_CODE, UNITS, type IndicatorDef } from '../indicators/indicators.definitions.ts';
import { computeIndicators, evidenceRows } from '../indicators/indicators.service.ts';
import { resolveScope } from '../indicators/indicators.scope.ts';
import type { EvidenceRow, ScopeInfo } from '../indicators/indicators.contract.ts';
import * as repo from './assessment.repository.ts';
import { draw } from './assessment.draw.ts';
import { hasRecords } from './assessment.figures.ts';
import { seeStored, storedOf, type ScopeFields } from './assessment.scope.ts';
import type { Sample, SampleInput, SampleItem, SampleItemPatch, SampleList, SampleSummary, YearScopeQuery } from './assessment.contract.ts';

/** At most this many records of one indicator to draw from (as many as one evidence export holds). */
export const POOL_MAX = 100_000;
const WHAT = '核查样本';

const fieldsOf = (x: ScopeFields): ScopeFields => ({ district: x.district, pairing: x.pairing, region: x.region });

/** The stable order a pool is drawn from: record kind, id, then place and part (a pairing reaches several places). */
const key = (r: EvidenceRow) => `${r.kind}\u0000${String(r.id).padStart(16, '0')}\u0000${r.place ?? ''}\u0000${r.part}`;
const byKey = (a: EvidenceRow, b: EvidenceRow) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function itemOf(def: IndicatorDef, r: EvidenceRow): SampleItem {
  return {
    indicator: def.code, indicatorName: def.name,
    // A coverage figure is a rate; each of its records is one paired unit.
    unit: def.kind === 'coverage' ? '个' : UNITS[def.unit].label,
    kind: r.kind, kindLabel: r.kindLabel, recordId: r.id, label: r.label, date: r.date, placeName: r.placeName, orgName: r.orgName, value: r.value,
    verified: null, note: null, checkedBy: null, checkedAt: null,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

function summaryOf(r: Omit<repo.SampleSummaryRow, 'count' | 'checked'>, scope: ScopeInfo, count: number, checked: number): SampleSummary {
  return { id: Number(r.id), scope, year: r.year, seed: Number(r.seed), perIndicator: r.per_indicator, createdBy: r.created_by, createdAt: iso(r.created_at), count, checked };
}

function present(r: repo.SampleRow, scope: ScopeInfo): Sample {
  const items = r.items as SampleItem[];
  return { ...summaryOf(r, scope, items.length, items.filter((i) => i.verified !== null).length), items, pools: r.pools as Sample['pools'] };
}

/** Draws `perIndicator` records of every indicator's evidence (ratios are drawn through their parts). */
export async function createSample(db: Db, ctx: RequestContext, input: SampleInput): Promise<Sample> {
  return inTransaction(db, async (trx) => {
    const fields = fieldsOf(input);
    const scope = await resolveScope(trx, ctx, fields);
    const items: SampleItem[] = [];
    const pools: Sample['pools'] = [];
    // The figures first: only an indicator with records has evidence to draw from.
    const figures = await computeIndicators(trx, ctx, { ...fields, year: input.year });
    for (const def of figures.items.filter(hasRecords).map((i) => BY_CODE.get(i.code)!).filter((d) => d.kind !== 'ratio')) {
      const { rows, total } = await evidenceRows(trx, ctx, def.code, { ...fields, year: input.year }, { limit: POOL_MAX, offset: 0 });
      if (total === 0) continue;
      const drawn = draw([...rows].sort(byKey), input.perIndicator, input.seed, def.code);
      pools.push({ indicator: def.code, indicatorName: def.name, total, drawn: drawn.length });
      items.push(...drawn.map((r) => itemOf(def, r)));
    }
    const id = await repo.insertSample(trx, storedOf(scope.info), {
      scope_name: scope.info.name, year: input.year, seed: input.seed, per_indicator: input.perIndicator, items, pools, created_by: ctx.actor.name,
    });
    const created = present((await repo.findSample(trx, id))!, scope.info);
    await writeAudit(trx, ctx, { entity: 'assessment_sample', entityId: id, action: 'create', after: { ...created, items: undefined } });
    return created;
  });
}

export async function listSamples(q: Queryable, ctx: RequestContext, query: YearScopeQuery): Promise<SampleList> {
  const scope = await resolveScope(q, ctx, fieldsOf(query));
  const rows = await repo.listSamples(q, storedOf(scope.info), query.year);
  return { items: rows.map((r) => summaryOf(r, scope.info, Number(r.count), Number(r.checked))) };
}

export async function getSample(q: Queryable, ctx: RequestContext, id: number): Promise<Sample> {
  const row = await repo.findSample(q, id);
  if (!row) throw notFound(WHAT, id);
  const scope = await seeStored(q, ctx, repo.scopeOfRow(row), WHAT, id);
  return present(row, scope.info);
}

/** The checker's verdict on one drawn record, under the sample's row lock (two checkers do not overwrite each other's items). */
export async function checkItem(db: Db, ctx: RequestContext, id: number, index: number, patch: SampleItemPatch): Promise<Sample> {
  return inTransaction(db, async (trx) => {
    const row = await repo.findSample(trx, id, { forUpdate: true });
    if (!row) throw notFound(WHAT, id);
    const scope = await seeStored(trx, ctx, repo.scopeOfRow(row), WHAT, id);
    const items = [...(row.items as SampleItem[])];
    if (index >= items.length) throw invalidField('index', items.length ? `序号应在 0–${items.length - 1} 之间（本样本共 ${items.length} 条）` : '本样本没有抽取到记录');
    const before = items[index];
    const after: SampleItem = { ...before, verified: patch.verified, note: patch.note === undefined ? before.note : patch.note || null, checkedBy: ctx.actor.name, checkedAt: new Date().toISOString() };
    items[index] = after;
    await repo.updateSampleItems(trx, id, items);
    await writeAudit(trx, ctx, { entity: 'assessment_sample', entityId: id, action: 'check', before: { index, ...before }, after: { index, ...after } });
    return present({ ...row, items }, scope.info);
  });
}
