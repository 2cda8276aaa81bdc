import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit, writeAudits } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page, RefKind } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import { Lookups } from '../references/references.lookups.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import type { KindStore } from './recordkinds.repository.ts';

/**
 * What differs between the record kinds of a feature (labor, industry): columns ↔ fields, the
 * references a record names, the rules on a whole record (create, or a PATCH merged onto the stored
 * record), where it lands (for the scope and the owner) and its presentation. The service below
 * applies them the same way to every kind of every such feature.
 */
export interface Names<Org> {
  regions: Map<string, string>;
  orgs: Map<number, Org>;
}

export interface RecordKindSpec<K extends string, R, I, O, Org> {
  kind: K;
  entity: string;
  label: string;
  fromRow(r: R): I;
  toValues(v: I): Record<string, unknown>;
  /** Every id the record names, checked by the one rule for references (absent and out of scope alike). */
  refs(v: Partial<I>): [path: string, kind: RefKind, id: number | null | undefined][];
  /** 400/409 naming the field; returns the record with derived fields filled. */
  check(look: Lookups, v: I, selfId?: number): Promise<I>;
  /** A kind recorded once per key (a county's month and destination …): the key's columns and values, what a duplicate is called, and its field. */
  unique?(v: I): { key: Record<string, string | number>; what: string; path: string };
  /** The county, the record's own organisation and its place in Shanghai (each in scope makes the record so). */
  place(v: I): { county: string; orgId?: number | null; shanghai?: string };
  /** Who owns a record a city-wide user creates, in order: its own organisation or its pairing's east side. */
  ownerFirst: 'org' | 'pairing';
  /** Fields a PATCH clears so the check derives them again. */
  rederive?(patch: Record<string, unknown>): Record<string, unknown>;
  /** The places and organisations whose names the presentation shows. */
  names(r: R): { regions: (string | null)[]; orgs: (number | null)[] };
  present(r: R, n: Names<Org>): O;
}

type AnySpec = RecordKindSpec<any, any, any, any, any>;

/** A unique key as one text (values as text, as the database compares them). */
export const keyText = (key: Record<string, string | number>) => JSON.stringify(Object.values(key).map(String));

/** The 409 of a record whose unique key another record holds. */
export function duplicate(spec: AnySpec, v: unknown, existingId: number): AppError {
  const u = spec.unique!(v);
  return new AppError('CONFLICT', `${u.what}已登记（记录 ${existingId}），请修改该记录`, [{ path: u.path, message: '重复登记' }], { existingId });
}

type ListQuery = { page: number; pageSize: number; order: 'asc' | 'desc' };

/** The same list / read / create / update / delete for every kind of a feature, each change in one transaction with its audit row. */
export function recordKinds<K extends string, F extends ListQuery, Org>(store: KindStore<K, F>, orgsByIds: (q: Queryable, ids: number[]) => Promise<Map<number, Org>>) {
  type Spec = RecordKindSpec<K, any, any, any, Org>;

  /** Rows of the spec's own table, with the names of their places and organisations. */
  async function present<S extends Spec>(q: Queryable, spec: S, rows: unknown[]): Promise<ReturnType<S['present']>[]> {
    const refs = rows.map((r) => spec.names(r as never));
    const codes = [...new Set(refs.flatMap((x) => x.regions).filter((c): c is string => !!c))];
    const names: Names<Org> = {
      regions: new Map((await regionsRepo.findByCodes(q, codes)).map((r) => [r.code, r.name])),
      orgs: await orgsByIds(q, [...new Set(refs.flatMap((x) => x.orgs).filter((x): x is number => !!x))]),
    };
    return rows.map((r) => spec.present(r as never, names));
  }

  async function listRecords<S extends Spec>(q: Queryable, spec: S, scope: Scope, f: F): Promise<Page<ReturnType<S['present']>>> {
    const { rows, total } = await store.list(q, spec.kind, scope, f);
    return { items: await present(q, spec, rows), total, page: f.page, pageSize: f.pageSize };
  }

  async function findRow(q: Queryable, spec: Spec, scope: Scope, id: number) {
    const row = await store.find(q, spec.kind, scope, id);
    if (!row) throw notFound(spec.label, id);
    return row;
  }

  async function getRecord<S extends Spec>(q: Queryable, spec: S, scope: Scope, id: number): Promise<ReturnType<S['present']>> {
    return (await present(q, spec, [await findRow(q, spec, scope, id)]))[0];
  }

  /** A change must land in the caller's scope: its county, its own organisation, its place in Shanghai, or its pairing. */
  async function checkScope(look: Lookups, spec: Spec, v: { pairingId?: number | null }) {
    const scope = look.scope;
    if (scope.all) return;
    const p = spec.place(v);
    if (regionInScope(scope, p.county) || (p.orgId && orgInScope(scope, p.orgId)) || regionInScope(scope, p.shanghai)) return;
    const pairing = v.pairingId ? await look.pairing(v.pairingId) : undefined;
    if (pairing && (orgInScope(scope, pairing.east_id) || orgInScope(scope, pairing.west_id))) return;
    throw new AppError('FORBIDDEN', `该${spec.label}不在您的数据范围内：受援县、单位或结对关系须属于您的范围`, [{ path: 'countyCode', message: '超出数据范围' }]);
  }

  /** 409 when another record of the kind holds the key (none for kinds without one). */
  async function checkUnique(q: Queryable, spec: Spec, v: unknown, selfId?: number) {
    const existing = spec.unique && (await store.findByKey(q, spec.kind, spec.unique(v).key, selfId));
    if (existing) throw duplicate(spec, v, existing.id);
  }

  /**
   * A new record's stored values once every rule but the unique key passes (references, scope, the
   * kind's own checks, its owner): the one path of a form's record and of each row of a sheet.
   */
  async function newRecordValues(look: Lookups, ctx: RequestContext, spec: Spec, input: any, opts: { isDemo?: boolean } = {}) {
    await look.checkRefs(spec.refs(input));
    await checkScope(look, spec, input);
    const v = await spec.check(look, input);
    const pairing = input.pairingId ? await look.pairing(input.pairingId) : undefined;
    const own = spec.place(v).orgId;
    const owner = chooseOwner(ctx, input.owningOrgId, spec.ownerFirst === 'org' ? [own, pairing?.east_id] : [pairing?.east_id, own]);
    return { v, values: { ...spec.toValues(v), owning_org_id: owner, is_demo: opts.isDemo ?? false } };
  }

  /** The same as createRecord inside a caller's transaction. */
  async function createRecordIn<S extends Spec>(trx: Queryable, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
    const { v, values } = await newRecordValues(new Lookups(trx, ctx.scope), ctx, spec, input, opts);
    await checkUnique(trx, spec, v);
    const id = await store.insert(trx, spec.kind, values);
    const created = await getRecord(trx, spec, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'create', after: created });
    return created;
  }

  /**
   * The unique keys of a sheet's records, checked against the stored ones (loaded once for the keys
   * the rows are expected to hold; any other asked for on its own) and the sheet's earlier rows.
   */
  async function keyBook(q: Queryable, spec: Spec, expected: unknown[]) {
    const keyOf = (v: unknown) => spec.unique!(v).key;
    const keys = spec.unique ? expected.map(keyOf) : [];
    const known = new Set(keys.map(keyText));
    const held = new Map<string, number>();
    const cols = Object.keys(keys[0] ?? {});
    for (const r of await store.findByKeys(q, spec.kind, keys)) held.set(keyText(Object.fromEntries(cols.map((c) => [c, r[c] as string | number]))), r.id);
    return async (v: unknown, id: number) => {
      if (!spec.unique) return;
      const k = keyText(keyOf(v));
      const holder = held.get(k) ?? (known.has(k) ? undefined : (await store.findByKey(q, spec.kind, keyOf(v)))?.id);
      if (holder) throw duplicate(spec, v, holder);
      held.set(k, id);
    };
  }

  /**
   * A sheet of one kind, set-based: each row passes the rules of a form's record through the sheet's
   * lookups, unique keys are checked against the stored records and the rows before, and all records
   * are written in one statement with their audit entries (each the record as the API shows it).
   */
  async function sheetRecords(trx: Queryable, ctx: RequestContext, spec: Spec, look: Lookups, sheet: { rows: number; expected: unknown[] }) {
    const [claim, ids] = [await keyBook(trx, spec, sheet.expected), await store.reserveIds(trx, spec.kind, sheet.rows)];
    let next = 0;
    return {
      async check(input: any): Promise<Record<string, unknown> & { id: number }> {
        const { v, values } = await newRecordValues(look, ctx, spec, input);
        const id = ids[next];
        await claim(v, id);
        next += 1;
        return { id, ...values };
      },
      async write(rows: (Record<string, unknown> & { id: number })[]) {
        await store.insertMany(trx, spec.kind, rows);
        const created = await present(trx, spec, await store.findByIds(trx, spec.kind, ctx.scope, rows.map((r) => r.id)));
        await writeAudits(trx, ctx, created.map((c: { id: number }) => ({ entity: spec.entity, entityId: c.id, action: 'create', after: c })));
      },
    };
  }

  async function createRecord<S extends Spec>(db: Db, ctx: RequestContext, spec: S, input: Parameters<S['check']>[1], opts: { isDemo?: boolean } = {}): Promise<ReturnType<S['present']>> {
    return db.transaction().execute((trx) => createRecordIn(trx, ctx, spec, input, opts));
  }

  /** A PATCH is merged onto the stored record and the whole record checked again. */
  async function updateRecord<S extends Spec>(db: Db, ctx: RequestContext, spec: S, id: number, patch: Record<string, unknown>): Promise<ReturnType<S['present']>> {
    return db.transaction().execute(async (trx) => {
      const row = await findRow(trx, spec, ctx.scope, id);
      const before = (await present(trx, spec, [row]))[0];
      assertOwner(ctx, before, spec.label);
      const look = new Lookups(trx, ctx.scope);
      await look.checkRefs(spec.refs(patch));
      if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId as number | null, []);
      const given = Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined));
      const merged = { ...spec.fromRow(row), ...spec.rederive?.(given), ...given };
      await checkScope(look, spec, merged);
      const checked = await spec.check(look, merged, id);
      await checkUnique(trx, spec, checked, id);
      await store.update(trx, spec.kind, id, { ...spec.toValues(checked), owning_org_id: merged.owningOrgId ?? null });
      const after = await getRecord(trx, spec, ctx.scope, id);
      await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async function deleteRecord(db: Db, ctx: RequestContext, spec: Spec, id: number): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const before = (await present(trx, spec, [await findRow(trx, spec, ctx.scope, id)]))[0];
      assertOwner(ctx, before, spec.label);
      await store.remove(trx, spec.kind, id);
      await writeAudit(trx, ctx, { entity: spec.entity, entityId: id, action: 'delete', before });
    });
  }

  return { listRecords, getRecord, createRecord, createRecordIn, updateRecord, deleteRecord, sheetRecords };
}

export type { AnySpec };
