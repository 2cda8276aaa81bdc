import type { RequestContext } from '../../platform/context.ts';
import type { CellValue } from '../../platform/excel/columns.ts';
import { parseRow, type BulkImport } from '../../platform/excel/import.ts';
import { writeAudits } from '../../platform/audit.ts';
import { insertUnnest, type ColumnTypes } from '../../platform/db/unnest.ts';
import { Lookups } from '../references/references.lookups.ts';
import { projectInput, type ProjectInput } from './projects.contract.ts';
import { checkPlacement, checkReferences, ProjectCodes, projectRow } from './projects.service.ts';
import type { ProjectValues } from './projects.repository.ts';

type Parsed = { input: ProjectInput; eastOrg: string | null };
type Checked = { input: ProjectInput; row: ProjectValues };

const TYPES: ColumnTypes<ProjectValues> = {
  code: 'text', name: 'text', start_year: 'smallint', end_year: 'smallint', level: 'text', category: 'text', pairing_id: 'bigint',
  region_code: 'text', county_code: 'text', owner_name: 'text', owner_org_id: 'bigint', east_org_id: 'bigint',
  fund_shanghai_fen: 'bigint', fund_integrated_fen: 'bigint', fund_social_fen: 'bigint', fund_self_fen: 'bigint',
  content: 'text', benefit_mechanism: 'text', expected_benefits: 'text', households: 'integer', people: 'integer', poor_households: 'integer', poor_people: 'integer',
  owning_org_id: 'bigint', is_demo: 'boolean',
};

/** A sheet row's cells → the API's project input; the east-side unit is resolved by name once the sheet's names are loaded. */
function parse(v: Record<string, CellValue>): Parsed {
  const input = parseRow(projectInput, {
    ...(v.code ? { code: v.code } : {}),
    name: v.name,
    startYear: v.startYear,
    endYear: v.endYear ?? v.startYear,
    level: v.level,
    category: v.category,
    regionCode: v.regionCode,
    ownerName: v.ownerName,
    funds: { shanghaiFen: v.shanghaiFen ?? 0, integratedFen: v.integratedFen ?? 0, socialFen: v.socialFen ?? 0, selfFen: v.selfFen ?? 0 },
    content: v.content,
    benefitMechanism: v.benefitMechanism,
    expectedBenefits: v.expectedBenefits,
    beneficiaries: { households: v.households, people: v.people, poorHouseholds: v.poorHouseholds, poorPeople: v.poorPeople },
  });
  return { input, eastOrg: (v.eastOrg as string | null) ?? null };
}

/**
 * The project sheet, set-based: the places, east-side units and codes every row names are loaded in
 * three queries, each row is checked by the service's own rules against them (a sheet names no
 * pairing, owner unit or plan lists), and all rows are written in one insert with their audit entries.
 */
export function projectSheetImport(ctx: RequestContext): BulkImport<Parsed, Checked> {
  return {
    parse: ({ values }) => parse(values),
    async prepare(trx, parsed) {
      const look = await new Lookups(trx, ctx.scope).preload({ regions: parsed.map((p) => p.input.regionCode), orgNames: parsed.map((p) => p.eastOrg) });
      const codes = await ProjectCodes.load(trx, parsed.map((p) => p.input));
      return async ({ input: given, eastOrg }) => {
        const input = { ...given, eastOrgId: await look.orgIdByName(eastOrg, 'eastOrg') };
        checkPlacement(ctx.scope, input);
        await checkReferences(look, input);
        return { input, row: projectRow(ctx, input, codes.assign(input)) };
      };
    },
    async write(trx, rows) {
      const inserted = await insertUnnest<ProjectValues, { id: number; code: string }>(trx, 'projects', TYPES, rows.map((r) => r.row), ['id', 'code']);
      const idOf = new Map(inserted.map((x) => [x.code, x.id])); // codes are unique: no reliance on the order rows come back in
      await writeAudits(trx, ctx, rows.map(({ row, input }) => ({ entity: 'project', entityId: idOf.get(row.code)!, action: 'create', after: { id: idOf.get(row.code)!, ...input } })));
    },
  };
}
