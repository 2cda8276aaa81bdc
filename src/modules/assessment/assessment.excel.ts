import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import type { Column } from '../../platform/excel/columns.ts';
import { getSample } from './assessment.samples.ts';

const VERDICT = (v: boolean | null) => (v === null ? '未核查' : v ? '属实' : '不属实');

/** A sample as the team's checklist: one row per drawn record, in the sample's order (序号 = the item's index). */
export async function exportSample(q: Queryable, ctx: RequestContext, id: number): Promise<{ file: Buffer; name: string }> {
  const s = await getSample(q, ctx, id);
  const columns: Column[] = [
    { header: '序号', key: 'index', kind: 'int' },
    { header: '指标', key: 'indicatorName', kind: 'text', width: 28 },
    { header: '记录类型', key: 'kindLabel', kind: 'text' },
    { header: '记录', key: 'label', kind: 'text', width: 48 },
    { header: '日期', key: 'date', kind: 'text' },
    { header: '地点', key: 'placeName', kind: 'text', width: 24 },
    { header: '单位', key: 'orgName', kind: 'text', width: 24 },
    { header: '计入数值', key: 'value', kind: 'decimal' },
    { header: '计量单位', key: 'unit', kind: 'text', width: 10 },
    { header: '核查结果', key: 'verdict', kind: 'text' },
    { header: '备注', key: 'note', kind: 'text', width: 30 },
    { header: '核查人', key: 'checkedBy', kind: 'text' },
    { header: '核查时间', key: 'checkedAt', kind: 'text', width: 22 },
    { header: '记录编号', key: 'recordId', kind: 'int' },
  ];
  const rows = s.items.map(({ verified, ...i }, index) => ({ ...i, index, verdict: VERDICT(verified) }));
  const file = await writeSheet(columns, rows, { sheetName: `交叉核查样本${s.id}` });
  return { file, name: `交叉核查-${s.scope.name}-${s.year}-样本${s.id}.xlsx` };
}
