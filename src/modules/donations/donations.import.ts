import type { RequestContext } from '../../platform/context.ts';
import type { CellValue } from '../../platform/excel/columns.ts';
import { parseRow, type BulkImport } from '../../platform/excel/import.ts';
import { writeAudits } from '../../platform/audit.ts';
import { insertUnnest, reserveIds, type ColumnTypes } from '../../platform/db/unnest.ts';
import { Lookups } from '../references/references.lookups.ts';
import { donationInput } from './donations.contract.ts';
import { donationRow, donationsByIds } from './donations.service.ts';
import type { DonationValues } from './donations.repository.ts';

type Cells = Record<string, CellValue>;

const TYPES: ColumnTypes<DonationValues & { id: number }> = {
  id: 'bigint', donor_org_id: 'bigint', donor_name: 'text', recipient_org_id: 'bigint', recipient_region: 'text', county_code: 'text', kind: 'text', value_fen: 'bigint',
  purpose: 'text', donated_on: 'date', pairing_id: 'bigint', activity_id: 'bigint', owning_org_id: 'bigint', claim_status: 'text', claim_note: 'text',
  claim_decided_by: 'text', claim_decided_at: 'timestamptz', is_demo: 'boolean',
};

/** A row's cells → the API's input: a donor the directory knows by that name is linked, any other kept as a name; the recipient unit must be known. */
async function inputOf(look: Lookups, v: Cells) {
  const donor = await look.orgsNamed(String(v.donor));
  return parseRow(donationInput, {
    ...(donor.length === 1 ? { donorOrgId: donor[0].id } : { donorName: v.donor }),
    recipientOrgId: await look.orgIdByName(v.recipientOrg as string | null, 'recipientOrg'),
    recipientRegion: v.recipientRegion,
    kind: v.kind,
    valueFen: v.valueFen,
    purpose: v.purpose,
    donatedOn: v.donatedOn,
    pairingId: v.pairingId,
  });
}

/**
 * The donation sheet, set-based: donors, recipients, places and pairings its rows name are loaded
 * once, each row passes the service's own rules against them, and all rows are written in one
 * insert with their audit entries (each the donation as the API shows it; a sheet lists no items).
 */
export function donationSheetImport(ctx: RequestContext): BulkImport<Cells, DonationValues> {
  return {
    parse: ({ values }) => values,
    async prepare(trx, rows) {
      const look = await new Lookups(trx, ctx.scope).preload({
        orgNames: rows.flatMap((v) => [v.donor as string, v.recipientOrg as string | null]),
        regions: rows.map((v) => v.recipientRegion as string | null),
        pairingIds: rows.map((v) => v.pairingId as number | null),
      });
      return async (v) => donationRow(look, ctx, await inputOf(look, v));
    },
    async write(trx, rows) {
      const ids = await reserveIds(trx, 'donations', rows.length);
      await insertUnnest(trx, 'donations', TYPES, rows.map((r, i) => ({ id: ids[i], ...r })));
      const created = await donationsByIds(trx, ctx.scope, ids);
      await writeAudits(trx, ctx, created.map((d) => ({ entity: 'donation', entityId: d.id, action: 'create', after: d })));
    },
  };
}
