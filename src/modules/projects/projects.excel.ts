import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { readSheet, writeSheet } from '../../platform/excel/workbook.ts';
import { importRows, type ImportResult } from '../../platform/excel/import.ts';
import { exportSheet } from '../../platform/excel/export.ts';
import { PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES, type ProjectListQuery } from './projects.contract.ts';
import { projectSheetImport } from './projects.import.ts';
import * as repo from './projects.repository.ts';

export const MAX_PROJECT_ROWS = 5_000;

/** The columns of the project sheet, as offices head them. Keys follow the API's field names. */
export const PROJECT_COLUMNS: Column[] = [
  { header: '项目编号', key: 'code', kind: 'text', note: '留空则按“县代码-年度-序号”自动编号', example: '' },
  { header: '项目名称', key: 'name', kind: 'text', required: true, example: '小中甸镇联合村乡村旅游项目', width: 36 },
  { header: '开始年度', key: 'startYear', kind: 'int', required: true, example: 2020 },
  { header: '结束年度', key: 'endYear', kind: 'int', note: '续建项目填最后一年；留空同开始年度', example: 2021 },
  { header: '项目层级', key: 'level', kind: 'enum', required: true, labels: PROJECT_LEVELS, example: '市级' },
  { header: '项目类别', key: 'category', kind: 'enum', required: true, labels: PROJECT_CATEGORIES, example: '乡村旅游' },
  { header: '项目地点区划代码', key: 'regionCode', kind: 'text', required: true, note: '县级（6位）、乡级（9位）或村级（12位）统计区划代码', example: '533401102201', width: 20 },
  { header: '帮扶方单位', key: 'eastOrg', kind: 'text', note: '组织名称或简称，须已在系统中', example: '上海市闵行区人民政府', width: 24 },
  { header: '项目业主', key: 'ownerName', kind: 'text', example: '小中甸镇人民政府' },
  { header: '上海财政援助（元）', key: 'shanghaiFen', kind: 'yuan', example: 3000000 },
  { header: '整合资金（元）', key: 'integratedFen', kind: 'yuan', example: 500000 },
  { header: '社会帮扶（元）', key: 'socialFen', kind: 'yuan', example: 0 },
  { header: '农户自筹（元）', key: 'selfFen', kind: 'yuan', example: 0 },
  { header: '建设内容', key: 'content', kind: 'text', example: '建设游客接待中心及配套设施', width: 40 },
  { header: '联农带农机制', key: 'benefitMechanism', kind: 'text', example: '村集体入股分红', width: 30 },
  { header: '预期效益', key: 'expectedBenefits', kind: 'text', example: '受益57户306人', width: 30 },
  { header: '受益户数', key: 'households', kind: 'int', example: 57 },
  { header: '受益人数', key: 'people', kind: 'int', example: 306 },
  { header: '建档立卡户数', key: 'poorHouseholds', kind: 'int', example: 26 },
  { header: '建档立卡人数', key: 'poorPeople', kind: 'int', example: 107 },
  { header: '状态', key: 'status', kind: 'enum', labels: PROJECT_STATUSES, exportOnly: true },
  { header: '批复金额（元）', key: 'approvedFen', kind: 'yuan', exportOnly: true },
];

export async function projectTemplate(): Promise<Buffer> {
  const example = Object.fromEntries(PROJECT_COLUMNS.filter((c) => !c.exportOnly).map((c) => [c.key, c.kind === 'yuan' ? Number(c.example ?? 0) * 100 : (c.example ?? null)]));
  return writeSheet(PROJECT_COLUMNS.filter((c) => !c.exportOnly), [example as never], { sheetName: '项目', notes: true });
}

export async function importProjects(db: Db, ctx: RequestContext, file: Buffer, skipInvalid: boolean): Promise<ImportResult> {
  const read = await readSheet(file, PROJECT_COLUMNS, { maxRows: MAX_PROJECT_ROWS });
  return importRows(db, ctx, read, { entity: 'project', columns: PROJECT_COLUMNS, skipInvalid, bulk: projectSheetImport(ctx) });
}

/** The filtered, in-scope project list as a sheet with the import's columns (plus status and approval); the list's rows carry every column. */
/** `from` is where the rows are read (the replica when routed there); the export's audit row is written to `db`. */
export const exportProjects = (db: Db, ctx: RequestContext, f: Omit<ProjectListQuery, 'page' | 'pageSize'>, from: Db = db) =>
  exportSheet(
    db,
    ctx,
    { entity: 'project', columns: PROJECT_COLUMNS, sheetName: '项目', filters: f },
    async (page, pageSize) => {
      const { rows, total } = await repo.list(from, ctx.scope, { ...f, page, pageSize });
      return { items: rows, total, page, pageSize };
    },
    (x) => ({
      code: x.code, name: x.name, startYear: x.start_year, endYear: x.end_year, level: x.level, category: x.category, regionCode: x.region_code,
      eastOrg: x.east_org_name, ownerName: x.owner_name, shanghaiFen: x.fund_shanghai_fen, integratedFen: x.fund_integrated_fen, socialFen: x.fund_social_fen,
      selfFen: x.fund_self_fen, content: x.content, benefitMechanism: x.benefit_mechanism, expectedBenefits: x.expected_benefits,
      households: x.households, people: x.people, poorHouseholds: x.poor_households, poorPeople: x.poor_people, status: x.status, approvedFen: x.approved_fen,
    }),
  );
