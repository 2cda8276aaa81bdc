import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { orgIdInScope, recordInScope, regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import type { ClaimStatus } from '../../platform/db/schema.ts';
import type { ClaimKind, ClaimListQuery } from './claims.contract.ts';

/** Per kind: its table, what it is credited to (the named unit), and how it reads in a list. */
const KINDS = {
  sale: {
    table: 'sales',
    named: (s: Scope) => orgIdInScope(s, 'x.credited_org_id'),
    select: sql`'sale' as kind, x.id, coalesce((select name from suppliers where id = x.supplier_id), x.supplier_name, '') as title, x.sold_on as on_date, x.amount_fen,
      coalesce((select name from orgs where id = x.credited_org_id), x.credited_name, '') as named_unit`,
  },
  donation: {
    table: 'donations',
    named: (s: Scope) => recordInScope(s, { orgs: ['x.recipient_org_id'], extra: [sql<SqlBool>`(x.recipient_org_id is null and ${regionCodeInScope(s, 'x.county_code')})`] }),
    select: sql`'donation' as kind, x.id, coalesce(x.donor_name, (select name from orgs where id = x.donor_org_id), '') as title, x.donated_on as on_date, x.value_fen as amount_fen,
      coalesce((select name from orgs where id = x.recipient_org_id), (select name from regions where code = x.county_code), '') as named_unit`,
  },
  training: {
    table: 'trainings',
    named: (s: Scope) => regionCodeInScope(s, 'x.county_code'),
    select: sql`'training' as kind, x.id, x.title, x.start_date as on_date, null::bigint as amount_fen, coalesce((select name from regions where code = x.county_code), '') as named_unit`,
  },
} as const;

export interface ClaimRow {
  kind: ClaimKind; id: number; title: string; on_date: string; amount_fen: number | null; named_unit: string;
  owning_org_name: string | null; claim_status: ClaimStatus; claim_note: string | null; claim_decided_by: string | null;
}

function where(kind: ClaimKind, scope: Scope, f: Pick<ClaimListQuery, 'direction' | 'status'>): Expression<SqlBool> {
  const mine = f.direction === 'incoming' ? KINDS[kind].named(scope) : orgIdInScope(scope, 'x.owning_org_id');
  // Outgoing lists what was ever put to another unit: pending, or decided by it.
  // Confirmed means confirmed by the named unit: a record whose creator covered both units was never put to anyone.
  const status = f.status === 'confirmed' ? sql<SqlBool>`(x.claim_status = 'confirmed' and x.claim_decided_at is not null)`
    : f.status ? sql<SqlBool>`x.claim_status = ${f.status}`
    : f.direction === 'incoming' ? sql<SqlBool>`x.claim_status = 'pending'` : sql<SqlBool>`(x.claim_status = 'pending' or x.claim_decided_at is not null)`;
  return sql<SqlBool>`(${mine} and ${status})`;
}

const select = (kind: ClaimKind, scope: Scope, f: ClaimListQuery) => sql`select ${KINDS[kind].select}, (select name from orgs where id = x.owning_org_id) as owning_org_name,
  x.claim_status, x.claim_note, x.claim_decided_by, x.created_at from ${sql.table(KINDS[kind].table)} x where ${where(kind, scope, f)}`;

export async function list(q: Queryable, scope: Scope, f: ClaimListQuery) {
  const union = sql.join((Object.keys(KINDS) as ClaimKind[]).map((k) => select(k, scope, f)), sql` union all `);
  const [rows, count] = await Promise.all([
    sql<ClaimRow>`select * from (${union}) c order by c.created_at desc, c.kind, c.id desc offset ${(f.page - 1) * f.pageSize} limit ${f.pageSize}`.execute(q),
    sql<{ n: number }>`select count(*)::int as n from (${union}) c`.execute(q),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0].n) };
}

/** The record under its row lock, if its named unit lies in the scope. */
export async function lockNamed(q: Queryable, kind: ClaimKind, scope: Scope, id: number) {
  const r = await sql<ClaimRow>`select ${KINDS[kind].select}, null as owning_org_name, x.claim_status, x.claim_note, x.claim_decided_by
    from ${sql.table(KINDS[kind].table)} x where x.id = ${id} and ${KINDS[kind].named(scope)} for update of x`.execute(q);
  return r.rows[0];
}

export async function decide(q: Queryable, kind: ClaimKind, id: number, v: { status: 'confirmed' | 'refused'; note: string | null; by: string }) {
  await sql`update ${sql.table(KINDS[kind].table)} set claim_status = ${v.status}, claim_note = ${v.note}, claim_decided_by = ${v.by}, claim_decided_at = now() where id = ${id}`.execute(q);
}
