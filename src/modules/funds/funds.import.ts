import type { RequestContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/errors.ts';
import { writeAudits } from '../../platform/audit.ts';
import type { BulkImport } from '../../platform/excel/import.ts';
import { insertUnnest, reserveIds, type ColumnTypes } from '../../platform/db/unnest.ts';
import * as projectsRepo from '../projects/projects.repository.ts';
import type { ProjectStatus } from '../projects/projects.contract.ts';
import type { FundInput } from './funds.contract.ts';
import type { FundRow, FundValues } from './funds.repository.ts';
import { checkFundable, checkInvariant, checkMayRecord, countIn, toTransaction, transactionRow } from './funds.service.ts';

type Parsed = { projectCode: string; input: FundInput };

const TYPES: ColumnTypes<FundValues & { id: number }> = {
  id: 'bigint', project_id: 'bigint', county_code: 'text', kind: 'text', amount_fen: 'bigint', on_date: 'date', document_no: 'text', note: 'text', status: 'text', created_by: 'bigint',
};

/**
 * The fund sheet, set-based: the projects it names are read and locked in one query and their sums
 * so far in another; each row is checked by the service's own rules against the sums with the
 * sheet's accepted rows before it counted in, and all rows are written in one insert with their audit entries.
 */
export function fundSheetImport(ctx: RequestContext): BulkImport<Parsed, FundValues> {
  return {
    parse: ({ values: v }) => ({
      projectCode: String(v.projectCode),
      input: { kind: v.kind as FundInput['kind'], amountFen: v.amountFen as number, onDate: v.onDate as string, documentNo: (v.documentNo as string) ?? null, note: (v.note as string) ?? null },
    }),
    async prepare(trx, parsed) {
      const projects = new Map((await projectsRepo.lockByCodes(trx, ctx.scope, [...new Set(parsed.map((p) => p.projectCode))])).map((p) => [p.code, p]));
      const sums = await projectsRepo.fundSumsOf(trx, [...projects.values()].map((p) => p.id));
      return ({ projectCode, input }) => {
        const project = projects.get(projectCode);
        if (!project) throw invalidField('projectCode', `找不到项目「${projectCode}」（或不在您的数据范围内）`);
        if (input.amountFen <= 0) throw invalidField('amountFen', '金额必须大于 0');
        checkMayRecord(ctx, input.kind);
        checkFundable(project.status as ProjectStatus);
        const s = sums.get(project.id)!;
        checkInvariant(input.kind, input.amountFen, project.approved_fen ?? 0, s);
        countIn(s, input.kind, input.amountFen);
        return transactionRow(ctx, project.id, project.county_code, input);
      };
    },
    async write(trx, rows) {
      const ids = await reserveIds(trx, 'fund_transactions', rows.length);
      const inserted = await insertUnnest<FundValues & { id: number }, FundRow>(trx, 'fund_transactions', TYPES, rows.map((r, i) => ({ id: ids[i], ...r })), '*');
      await writeAudits(trx, ctx, inserted.map((r) => ({ entity: 'fund_transaction', entityId: r.id, action: 'create', after: toTransaction(r, []) })));
    },
  };
}
