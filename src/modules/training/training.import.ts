import type { RequestContext } from '../../platform/context.ts';
import type { CellValue } from '../../platform/excel/columns.ts';
import { parseRow, type BulkImport } from '../../platform/excel/import.ts';
import { writeAudits } from '../../platform/audit.ts';
import { insertUnnest, reserveIds, type ColumnTypes } from '../../platform/db/unnest.ts';
import { Lookups, type OrgRef } from '../references/references.lookups.ts';
import { trainingInput, type TrainingInput } from './training.contract.ts';
import { trainingRow, trainingsByIds } from './training.service.ts';
import type { TrainingValues } from './training.repository.ts';

type Cells = Record<string, CellValue>;

const TYPES: ColumnTypes<TrainingValues & { id: number }> = {
  id: 'bigint', title: 'text', kind: 'text', organiser_org_id: 'bigint', organiser_name: 'text', place_region: 'text', in_shanghai: 'boolean', start_date: 'date', end_date: 'date',
  target_group: 'text', batches: 'integer', participants: 'integer', person_times: 'integer', county_code: 'text', pairing_id: 'bigint', activity_id: 'bigint', is_demo: 'boolean',
  owning_org_id: 'bigint', claim_status: 'text', claim_note: 'text', claim_decided_by: 'text', claim_decided_at: 'timestamptz',
};

/** A row's cells → the API's input: an organiser the directory knows by that name is linked, any other kept as a name. */
export const trainingInputOf = (v: Cells, organiser: OrgRef[]): TrainingInput =>
  parseRow(trainingInput, { ...v, organiser: undefined, ...(organiser.length === 1 ? { organiserOrgId: organiser[0].id } : { organiserName: v.organiser }) });

/**
 * The training sheet, set-based: the organisers, places and pairings its rows name are loaded once,
 * each row passes the service's own rules against them, and all rows are written in one insert with
 * their audit entries (each the training as the API shows it).
 */
export function trainingSheetImport(ctx: RequestContext): BulkImport<Cells, TrainingValues> {
  return {
    parse: ({ values }) => values,
    async prepare(trx, rows) {
      const look = await new Lookups(trx, ctx.scope).preload({
        orgNames: rows.map((v) => v.organiser as string | null),
        regions: rows.flatMap((v) => [v.placeRegion as string | null, v.countyCode as string | null]),
        pairingIds: rows.map((v) => v.pairingId as number | null),
      });
      return async (v) => trainingRow(look, ctx, trainingInputOf(v, v.organiser ? await look.orgsNamed(String(v.organiser)) : []));
    },
    async write(trx, rows) {
      const ids = await reserveIds(trx, 'trainings', rows.length);
      await insertUnnest(trx, 'trainings', TYPES, rows.map((r, i) => ({ id: ids[i], ...r })));
      const created = await trainingsByIds(trx, ctx.scope, ids);
      await writeAudits(trx, ctx, created.map((t) => ({ entity: 'training', entityId: t.id, action: 'create', after: t })));
    },
  };
}
