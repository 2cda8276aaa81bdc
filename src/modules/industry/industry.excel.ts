import type { Column } from '../../platform/excel/columns.ts';
import type { Lookups } from '../references/references.lookups.ts';
import { kindSheetFiles, type KindSheet } from '../recordkinds/recordkinds.sheets.ts';
import { INDUSTRIES, PARK_KINDS, enterpriseFields, farmingFields, parkFields, workshopFields, type IndustryListQuery } from './industry.contract.ts';
import { ENTERPRISES, FARMING, PARKS, WORKSHOPS } from './industry.kinds.ts';
import { listRecords, sheetRecords } from './industry.service.ts';

/**
 * The 产业合作 tables as spreadsheets (元 for money, 亩 for areas, organisations by name). An export
 * carries the names of places and owners as export-only columns, so it can be edited and imported back.
 */
export interface IndustrySheet extends KindSheet {
  schema: typeof enterpriseFields | typeof parkFields | typeof workshopFields | typeof farmingFields;
}

const ORG_NOTE = '系统中的组织名称或简称；不在系统中的照写名称';
const place: Column[] = [
  { header: '县代码', key: 'countyCode', kind: 'text', required: true, example: '533401' },
  { header: '乡镇/村代码', key: 'placeCode', kind: 'text', note: '9 位乡镇或 12 位村的区划代码，可留空' },
];
const tail: Column[] = [
  { header: '结对关系编号', key: 'pairingId', kind: 'int', note: '结对关系页面上的编号，可留空' },
  { header: '备注', key: 'note', kind: 'text', width: 30 },
  { header: '受援县', key: 'countyName', kind: 'text', exportOnly: true },
  { header: '乡镇/村', key: 'placeName', kind: 'text', exportOnly: true },
  { header: '登记单位', key: 'owningOrgName', kind: 'text', exportOnly: true, width: 20 },
];
const activity: Column = { header: '工作动态编号', key: 'activityId', kind: 'int', note: '工作动态页面上的编号，可留空' };

/** A name that is exactly one registered organisation (of the side, when given) becomes its id; else it is kept as a name. */
async function orgOrName(look: Lookups, text: unknown, side?: 'east' | 'west'): Promise<{ id: number | null; name: string | null }> {
  if (text == null || text === '') return { id: null, name: null };
  const found = (await look.orgsNamed(String(text))).filter((o) => !side || o.side === side);
  return found.length === 1 ? { id: found[0].id, name: null } : { id: null, name: String(text) };
}
const zero = (v: unknown) => v ?? 0;

export const INDUSTRY_SHEETS: IndustrySheet[] = [
  {
    path: '/industry/enterprises',
    name: '引进企业',
    spec: ENTERPRISES,
    schema: enterpriseFields,
    columns: [
      { header: '企业名称', key: 'name', kind: 'text', required: true, example: '上海某农业科技有限公司', width: 28 },
      { header: '引进来源', key: 'origin', kind: 'text', required: true, note: `引进企业的帮扶方单位或企业所属集团；${ORG_NOTE}`, example: '上海市闵行区人民政府', width: 24 },
      { header: '来源地区划代码', key: 'originRegion', kind: 'text', note: '留空则取引进来源单位所在地', example: '310112' },
      ...place,
      { header: '行业', key: 'industry', kind: 'enum', required: true, labels: INDUSTRIES, example: '农产品加工' },
      { header: '签约投资额（元）', key: 'signedFen', kind: 'yuan', required: true, example: 50_000_000 },
      { header: '实际到位投资（元）', key: 'actualFen', kind: 'yuan', note: '截至登记时累计到位，可多于签约额；留空为 0', example: 12_000_000 },
      { header: '签约日期', key: 'signedOn', kind: 'date', required: true, example: '2024-05-20' },
      { header: '带动就业人数', key: 'jobs', kind: 'int', required: true, example: 120 },
      { header: '脱贫人口就业人数', key: 'poorEmployed', kind: 'int', note: '不多于带动就业人数；留空为 0', example: 40 },
      { header: '监测对象就业人数', key: 'monitoredEmployed', kind: 'int', note: '不多于带动就业人数；留空为 0', example: 5 },
      activity,
      ...tail,
    ],
    example: {
      name: '上海某农业科技有限公司', origin: '上海市闵行区人民政府', originRegion: null, countyCode: '533401', placeCode: null, industry: 'agri_processing',
      signedFen: 5_000_000_000, actualFen: 1_200_000_000, signedOn: '2024-05-20', jobs: 120, poorEmployed: 40, monitoredEmployed: 5, activityId: null, pairingId: null, note: null,
    },
    orgCell: 'origin',
    toInput: async ({ origin, ...v }, look) => {
      const o = await orgOrName(look, origin, 'east');
      return { ...v, originOrgId: o.id, originName: o.name, actualFen: zero(v.actualFen), poorEmployed: zero(v.poorEmployed), monitoredEmployed: zero(v.monitoredEmployed) };
    },
  },
  {
    path: '/industry/parks',
    name: '产业园区和基地',
    spec: PARKS,
    schema: parkFields,
    columns: [
      { header: '名称', key: 'name', kind: 'text', required: true, example: '某县沪滇协作产业园', width: 28 },
      { header: '类型', key: 'kind', kind: 'enum', required: true, labels: PARK_KINDS, example: '产业园区' },
      ...place,
      { header: '面积（亩）', key: 'areaMu', kind: 'decimal', required: true, example: 350 },
      { header: '建成（认定）日期', key: 'establishedOn', kind: 'date', required: true, example: '2021-06-30' },
      { header: '入驻企业数', key: 'enterprises', kind: 'int', note: '留空为 0', example: 12 },
      { header: '带动就业人数', key: 'jobs', kind: 'int', note: '留空为 0', example: 260 },
      ...tail,
    ],
    example: { name: '某县沪滇协作产业园', kind: 'park', countyCode: '533401', placeCode: null, areaMu: 350, establishedOn: '2021-06-30', enterprises: 12, jobs: 260, pairingId: null, note: null },
    toInput: async (v) => ({ ...v, enterprises: zero(v.enterprises), jobs: zero(v.jobs) }),
  },
  {
    path: '/industry/workshops',
    name: '帮扶车间',
    spec: WORKSHOPS,
    schema: workshopFields,
    columns: [
      { header: '车间名称', key: 'name', kind: 'text', required: true, example: '某村帮扶车间（服装加工）', width: 28 },
      ...place,
      { header: '运营主体', key: 'operator', kind: 'text', required: true, note: ORG_NOTE, example: '某服饰有限公司', width: 22 },
      { header: '建成投产日期', key: 'openedOn', kind: 'date', required: true, example: '2022-03-01' },
      { header: '停办日期', key: 'closedOn', kind: 'date' },
      { header: '吸纳就业人数', key: 'employees', kind: 'int', required: true, example: 45 },
      { header: '脱贫人口就业人数', key: 'poorEmployed', kind: 'int', note: '不多于吸纳就业人数；留空为 0', example: 30 },
      { header: '监测对象就业人数', key: 'monitoredEmployed', kind: 'int', note: '不多于吸纳就业人数；留空为 0', example: 3 },
      ...tail,
    ],
    example: { name: '某村帮扶车间（服装加工）', countyCode: '533401', placeCode: null, operator: '某服饰有限公司', openedOn: '2022-03-01', closedOn: null, employees: 45, poorEmployed: 30, monitoredEmployed: 3, pairingId: null, note: null },
    orgCell: 'operator',
    toInput: async ({ operator, ...v }, look) => {
      const o = await orgOrName(look, operator);
      return { ...v, operatorOrgId: o.id, operatorName: o.name, poorEmployed: zero(v.poorEmployed), monitoredEmployed: zero(v.monitoredEmployed) };
    },
  },
  {
    path: '/industry/contract-farming',
    name: '订单农业',
    spec: FARMING,
    schema: farmingFields,
    columns: [
      { header: '产品', key: 'product', kind: 'text', required: true, example: '五味子', width: 20 },
      { header: '收购方', key: 'buyer', kind: 'text', required: true, note: ORG_NOTE, example: '上海某药业有限公司', width: 22 },
      ...place,
      { header: '规模（亩）', key: 'acreageMu', kind: 'decimal', required: true, example: 1000 },
      { header: '带动农户数', key: 'households', kind: 'int', note: '留空为 0', example: 200 },
      { header: '合同金额（元）', key: 'contractFen', kind: 'yuan', note: '留空为 0', example: 3_000_000 },
      { header: '签约日期', key: 'signedOn', kind: 'date', required: true, example: '2024-04-10' },
      activity,
      ...tail,
    ],
    example: { product: '五味子', buyer: '上海某药业有限公司', countyCode: '533401', placeCode: null, acreageMu: 1000, households: 200, contractFen: 300_000_000, signedOn: '2024-04-10', activityId: null, pairingId: null, note: null },
    orgCell: 'buyer',
    toInput: async ({ buyer, ...v }, look) => {
      const o = await orgOrName(look, buyer);
      return { ...v, buyerOrgId: o.id, buyerName: o.name, households: zero(v.households), contractFen: zero(v.contractFen) };
    },
  },
];

/** Template (export-only columns left out), import and export as every record kind has them. */
// Listed records already carry the cells' names: origin, operator and buyer as the organisation's name or the name given.
export const INDUSTRY_FILES = kindSheetFiles<IndustryListQuery>({ sheetRecords, listRecords });
