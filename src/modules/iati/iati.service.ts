import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import type { ProjectStatus } from '../projects/projects.contract.ts';
import * as repo from './iati.repository.ts';
import { buildIatiXml, type IatiProject, type IatiReporter } from './iati.xml.ts';

/** The publisher named in every activity: Shanghai's cooperation office, under the platform's IATI prefix. */
export const DEFAULT_REPORTER: IatiReporter = { ref: 'CN-XIEZUO', name: '上海市人民政府合作交流办公室' };

export interface IatiExportOptions {
  /** Projects running that year. */
  year?: number;
  /** An east-side unit: its projects and those of the units below it. */
  orgId?: number;
  reporter?: IatiReporter;
  /** The document's generated-datetime (now by default). */
  now?: Date;
}

function toIati(row: repo.ExportProjectRow, transactions: Awaited<ReturnType<typeof repo.fundTransactionsFor>>): IatiProject {
  return {
    code: row.code,
    name: row.name,
    content: row.content,
    status: row.status as ProjectStatus,
    startYear: row.start_year,
    endYear: row.end_year,
    regionCode: row.region_code,
    regionFullName: row.region_full_name,
    eastOrgName: row.east_org_name,
    ownerName: row.owner_org_name ?? row.owner_name,
    plannedFen: Number(row.planned_fen),
    approvedFen: row.approved_fen === null ? null : Number(row.approved_fen),
    approvalDocNo: row.approval_doc_no,
    approvedOn: row.approved_on,
    startedOn: row.started_on,
    completedOn: row.completed_on,
    transactions: transactions.map((t) => ({ kind: t.kind as 'disburse' | 'spend' | 'return', amountFen: Number(t.amount_fen), onDate: t.on_date, documentNo: t.document_no, note: t.note })),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The IATI 2.03 activity file of the projects in the caller's scope (optionally of one year and one
 * east-side unit with its sub-units), with the number of activities. Reads in one repeatable-read
 * transaction, which also records the export in the audit log. An empty selection is refused: an
 * IATI file must hold at least one activity.
 */
export async function exportIatiDocument(db: Db, ctx: RequestContext, opts: IatiExportOptions = {}): Promise<{ xml: string; activities: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      if (opts.orgId !== undefined) {
        const org = await orgsRepo.findById(trx, opts.orgId);
        if (!org) throw invalidField('org', `组织 ${opts.orgId} 不存在`);
        if (org.side !== 'east') throw invalidField('org', `组织 ${opts.orgId} 是受援方组织，请选择帮扶方单位`);
      }
      const rows = await repo.projectsForExport(trx, ctx.scope, { year: opts.year, eastOrgId: opts.orgId });
      if (rows.length === 0) {
        const filters = [opts.year !== undefined && `${opts.year} 年度`, opts.orgId !== undefined && `组织 ${opts.orgId} 及其下级单位`].filter(Boolean).join('、');
        throw new AppError('NOT_FOUND', `没有可导出的项目${filters ? `（${filters}）` : ''}：IATI 文件至少须包含一个活动`, [
          ...(opts.year !== undefined ? [{ path: 'year', message: '该年度没有您范围内的项目' }] : []),
          ...(opts.orgId !== undefined ? [{ path: 'org', message: '该单位没有您范围内的项目' }] : []),
        ]);
      }
      const transactions = await repo.fundTransactionsFor(trx, rows.map((r) => r.id));
      const byProject = new Map<number, typeof transactions>();
      for (const t of transactions) {
        const list = byProject.get(t.project_id);
        if (list) list.push(t);
        else byProject.set(t.project_id, [t]);
      }
      const xml = buildIatiXml({
        reporter: opts.reporter ?? DEFAULT_REPORTER,
        generatedAt: opts.now ?? new Date(),
        projects: rows.map((r) => toIati(r, byProject.get(r.id) ?? [])),
      });
      await writeAudit(trx, ctx, { entity: 'iati', entityId: null, action: 'export', after: { year: opts.year ?? null, orgId: opts.orgId ?? null, activities: rows.length } });
      return { xml, activities: rows.length };
    });
}

/** The IATI 2.03 XML document (see exportIatiDocument). */
export async function exportIati(db: Db, ctx: RequestContext, opts: IatiExportOptions = {}): Promise<string> {
  return (await exportIatiDocument(db, ctx, opts)).xml;
}
