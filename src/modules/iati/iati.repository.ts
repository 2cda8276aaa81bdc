import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { projectInScope } from '../projects/projects.repository.ts';

export interface ExportFilter {
  /** Projects running that year: start_year ≤ year ≤ end_year. */
  year?: number;
  /** Projects of this east-side unit or any unit below it. */
  eastOrgId?: number;
}

/** The place's path from the province down (市辖区 left out), as regions.service's fullName. */
const regionFullName = sql<string | null>`(
  select string_agg(r.name, ' ' order by r.level) from regions r
  where r.code in (left(p.region_code, 2), left(p.region_code, 4), left(p.region_code, 6), left(p.region_code, 9), p.region_code)
    and r.name <> '市辖区')`;
const planned = sql<number>`(p.fund_shanghai_fen + p.fund_integrated_fen + p.fund_social_fen + p.fund_self_fen)`;
const firstTransition = (where: RawBuilder<unknown>) => sql<string | null>`(select min(t.on_date) from project_transitions t where t.project_id = p.id and ${where})`;

/** The projects in the caller's scope that the export covers, with the names and dates the IATI document needs. */
export async function projectsForExport(q: Queryable, scope: Scope, f: ExportFilter) {
  let query = q
    .selectFrom('projects as p')
    .leftJoin('orgs as e', 'e.id', 'p.east_org_id')
    .leftJoin('orgs as o', 'o.id', 'p.owner_org_id')
    .where(projectInScope(scope))
    .select([
      'p.id', 'p.code', 'p.name', 'p.content', 'p.status', 'p.start_year', 'p.end_year', 'p.region_code',
      'p.approved_fen', 'p.approval_doc_no', 'p.owner_name', 'p.updated_at',
      'e.name as east_org_name', 'o.name as owner_org_name',
    ])
    .select([
      regionFullName.as('region_full_name'),
      planned.as('planned_fen'),
      firstTransition(sql`t.from_status = 'reviewed' and t.to_status = 'approved'`).as('approved_on'),
      firstTransition(sql`t.to_status = 'in_progress'`).as('started_on'),
      firstTransition(sql`t.to_status = 'completed'`).as('completed_on'),
    ]);
  if (f.year !== undefined) query = query.where('p.start_year', '<=', f.year).where('p.end_year', '>=', f.year);
  if (f.eastOrgId !== undefined) {
    query = query.where(sql<SqlBool>`p.east_org_id in (
      with recursive unit(id, depth) as (
        select id, 0 from orgs where id = ${f.eastOrgId}
        union all
        select sub.id, unit.depth + 1 from orgs sub join unit on sub.parent_id = unit.id where unit.depth < 20
      )
      select id from unit)`);
  }
  return query.orderBy('p.code').orderBy('p.id').execute();
}
export type ExportProjectRow = Awaited<ReturnType<typeof projectsForExport>>[number];

/** Effective disbursements, expenditures and returns of these projects, in date order. */
export async function fundTransactionsFor(q: Queryable, projectIds: number[]) {
  if (!projectIds.length) return [];
  return q
    .selectFrom('fund_transactions')
    .select(['project_id', 'kind', 'amount_fen', 'on_date', 'document_no', 'note'])
    .where(sql<SqlBool>`project_id = any(${projectIds}::bigint[])`)
    .where('status', '=', 'effective')
    .where('kind', 'in', ['disburse', 'spend', 'return'])
    .orderBy('project_id')
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}
