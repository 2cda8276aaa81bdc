import type { Column } from '../../platform/excel/columns.ts';
import { kindSheetFiles, type KindSheet } from '../recordkinds/recordkinds.sheets.ts';
import { DESTINATIONS, jobFairFields, placementFields, retentionFields, workstationFields, type LaborListQuery } from './labor.contract.ts';
import { FAIRS, PLACEMENTS, RETENTION, WORKSTATIONS } from './labor.kinds.ts';
import { listRecords, sheetRecords } from './labor.service.ts';

/** The labor tables as spreadsheets: monthly placements, job fairs, workstations in Shanghai, 6-month retention. */
export interface LaborSheet extends KindSheet {
  schema: typeof placementFields | typeof jobFairFields | typeof workstationFields | typeof retentionFields;
}

const common: Column[] = [{ header: '结对关系编号', key: 'pairingId', kind: 'int' }, { header: '备注', key: 'note', kind: 'text', width: 30 }];

export const LABOR_SHEETS: LaborSheet[] = [
  {
    path: '/labor/placements',
    name: '劳务输出',
    spec: PLACEMENTS,
    schema: placementFields,
    columns: [
      { header: '年度', key: 'year', kind: 'int', required: true, example: 2023 },
      { header: '月份', key: 'month', kind: 'int', required: true, example: 6 },
      { header: '县代码', key: 'countyCode', kind: 'text', required: true, example: '533401' },
      { header: '去向', key: 'destination', kind: 'enum', required: true, labels: DESTINATIONS, example: '转移到上海', width: 18 },
      { header: '脱贫人口就业人数', key: 'poorCount', kind: 'int', required: true, example: 35 },
      { header: '监测对象就业人数', key: 'monitoredCount', kind: 'int', required: true, example: 4 },
      ...common,
    ],
    example: { year: 2023, month: 6, countyCode: '533401', destination: 'shanghai', poorCount: 35, monitoredCount: 4, pairingId: null, note: null },
    toInput: async (v) => v,
  },
  {
    path: '/labor/job-fairs',
    name: '招聘会',
    spec: FAIRS,
    schema: jobFairFields,
    columns: [
      { header: '举办日期', key: 'heldOn', kind: 'date', required: true, example: '2023-03-15' },
      { header: '名称', key: 'title', kind: 'text', example: '沪滇劳务协作专场招聘会', width: 30 },
      { header: '举办地区划代码', key: 'regionCode', kind: 'text', required: true, example: '533401' },
      { header: '服务县代码', key: 'countyCode', kind: 'text', note: '在上海举办时必填' },
      { header: '主办单位', key: 'organiser', kind: 'text', note: '系统中的组织名称或简称；不在系统中的照写名称', width: 20 },
      { header: '参会企业数', key: 'employers', kind: 'int', required: true, example: 42 },
      { header: '提供岗位数', key: 'jobsOffered', kind: 'int', required: true, example: 1200 },
      { header: '参会人数', key: 'attendees', kind: 'int', example: 800 },
      { header: '达成就业人数', key: 'placed', kind: 'int', required: true, example: 96 },
      ...common,
    ],
    example: { heldOn: '2023-03-15', title: '沪滇劳务协作专场招聘会', regionCode: '533401', countyCode: null, organiser: null, employers: 42, jobsOffered: 1200, attendees: 800, placed: 96, pairingId: null, note: null },
    orgCell: 'organiser',
    toInput: async ({ organiser, ...v }, look) => {
      const found = organiser ? await look.orgsNamed(String(organiser)) : [];
      return { ...v, ...(found.length === 1 ? { organiserOrgId: found[0].id } : { organiserName: organiser ?? null }) };
    },
  },
  {
    path: '/labor/workstations',
    name: '驻沪劳务工作站',
    spec: WORKSTATIONS,
    schema: workstationFields,
    columns: [
      { header: '名称', key: 'name', kind: 'text', required: true, example: '香格里拉驻沪劳务工作站', width: 26 },
      { header: '所在地区划代码', key: 'regionCode', kind: 'text', required: true, note: '上海的区划代码（31 开头）', example: '310112' },
      { header: '服务州县代码', key: 'countyCode', kind: 'text', required: true, example: '533401' },
      { header: '运营单位', key: 'operator', kind: 'text', note: '系统中的组织名称或简称；不在系统中的照写名称', width: 20 },
      { header: '设立日期', key: 'openedOn', kind: 'date', required: true, example: '2021-03-01' },
      { header: '撤销日期', key: 'closedOn', kind: 'date' },
      ...common,
    ],
    example: { name: '香格里拉驻沪劳务工作站', regionCode: '310112', countyCode: '533401', operator: null, openedOn: '2021-03-01', closedOn: null, pairingId: null, note: null },
    orgCell: 'operator',
    toInput: async ({ operator, ...v }, look) => {
      const found = operator ? await look.orgsNamed(String(operator)) : [];
      return { ...v, ...(found.length === 1 ? { operatingOrgId: found[0].id } : { operatorName: operator ?? null }) };
    },
  },
  {
    path: '/labor/retention',
    name: '稳岗跟踪',
    spec: RETENTION,
    schema: retentionFields,
    columns: [
      { header: '县代码', key: 'countyCode', kind: 'text', required: true, example: '533401' },
      { header: '输出年度', key: 'cohortYear', kind: 'int', required: true, example: 2023 },
      { header: '输出月份', key: 'cohortMonth', kind: 'int', required: true, example: 6 },
      { header: '输出人数', key: 'placed', kind: 'int', required: true, example: 39 },
      { header: '6个月后仍在岗人数', key: 'employedAfter6m', kind: 'int', required: true, example: 33 },
      { header: '跟踪日期', key: 'followedUpOn', kind: 'date' },
      ...common,
    ],
    example: { countyCode: '533401', cohortYear: 2023, cohortMonth: 6, placed: 39, employedAfter6m: 33, followedUpOn: null, pairingId: null, note: null },
    toInput: async (v) => v,
  },
];

/** Template, import and export as every record kind has them; an export names organiser and operator by name. */
export const LABOR_FILES = kindSheetFiles<LaborListQuery>({ sheetRecords, listRecords }, (r) => ({
  ...r, organiser: r.organiserOrgName ?? r.organiserName ?? null, operator: r.operatingOrgName ?? r.operatorName ?? null,
}));
