import type { RequestContext } from '../../platform/context.ts';
import type { CellValue } from '../../platform/excel/columns.ts';
import { parseRow, type BulkImport } from '../../platform/excel/import.ts';
import { writeAudits } from '../../platform/audit.ts';
import { insertUnnest, reserveIds, type ColumnTypes } from '../../platform/db/unnest.ts';
import { Lookups } from '../references/references.lookups.ts';
import { activityInput, type ActivityInput } from './activities.contract.ts';
import { activitiesByIds, activityRow } from './activities.service.ts';
import type { ActivityValues } from './activities.repository.ts';

type Cells = Record<string, CellValue>;
type Checked = { input: ActivityInput; row: ActivityValues };

const SEPARATOR = /[、,，;；\s]+/;
const list = (cell: CellValue) => (cell ? String(cell).split(SEPARATOR).filter(Boolean) : []);

const TYPES: ColumnTypes<ActivityValues & { id: number }> = {
  id: 'bigint', type: 'text', title: 'text', start_date: 'date', end_date: 'date', county_code: 'text', lead_org_id: 'bigint', pairing_id: 'bigint',
  leader: 'text', delegation_size: 'integer', narrative: 'text', owning_org_id: 'bigint', is_demo: 'boolean',
};

/** A row's cells → the API's input: places and participating units are lists (、 or commas), units named as the directory knows them. */
async function inputOf(look: Lookups, v: Cells): Promise<ActivityInput> {
  const orgIds: number[] = [];
  for (const n of list(v.orgs)) orgIds.push((await look.orgIdByName(n, 'orgs'))!);
  return parseRow(activityInput, {
    type: v.type,
    title: v.title,
    startDate: v.startDate,
    endDate: v.endDate ?? v.startDate,
    regionCodes: list(v.regionCodes),
    leadOrgId: await look.orgIdByName(v.leadOrg as string | null, 'leadOrg'),
    orgIds,
    pairingId: v.pairingId,
    leader: v.leader,
    delegationSize: v.delegationSize,
    narrative: v.narrative,
  });
}

/**
 * The activity sheet, set-based: places, units and pairings its rows name are loaded once, each row
 * passes the service's own rules against them, and the activities, their places and units are
 * written in three inserts with their audit entries (each the activity as the API shows it).
 */
export function activitySheetImport(ctx: RequestContext): BulkImport<Cells, Checked> {
  return {
    parse: ({ values }) => values,
    async prepare(trx, rows) {
      const look = await new Lookups(trx, ctx.scope).preload({
        orgNames: rows.flatMap((v) => [v.leadOrg as string | null, ...list(v.orgs)]),
        regions: rows.flatMap((v) => list(v.regionCodes)),
        pairingIds: rows.map((v) => v.pairingId as number | null),
      });
      return async (v) => {
        const input = await inputOf(look, v);
        return { input, row: await activityRow(look, ctx, input) };
      };
    },
    async write(trx, rows) {
      const ids = await reserveIds(trx, 'activities', rows.length);
      await insertUnnest(trx, 'activities', TYPES, rows.map((r, i) => ({ id: ids[i], ...r.row })));
      const places = rows.flatMap((r, i) => [...new Set(r.input.regionCodes)].map((region_code) => ({ activity_id: ids[i], region_code })));
      await insertUnnest(trx, 'activity_places', { activity_id: 'bigint', region_code: 'text' }, places);
      const units = rows.flatMap((r, i) => [...new Set(r.input.orgIds)].map((org_id) => ({ activity_id: ids[i], org_id })));
      await insertUnnest(trx, 'activity_orgs', { activity_id: 'bigint', org_id: 'bigint' }, units);
      const created = await activitiesByIds(trx, ids);
      await writeAudits(trx, ctx, created.map((a) => ({ entity: 'activity', entityId: a.id, action: 'create', after: a })));
    },
  };
}
