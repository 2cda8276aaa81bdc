import fs from 'node:fs';
import path from 'node:path';
import { addDays, todayInChina } from '../modules/products/products.workflow.ts';

export const SALES_CSV_HEADER = '销售日期,供应主体,产品,品类,县代码,销售渠道,购买方类型,计入单位,金额（元）,数量,单位,带动户数';
const CHANNELS = ['展销中心', '专柜', '电商平台', '直播带货', '832平台', '工会采购', '机关食堂', '商超'];

/** Who the generated sales name: by default the demo data's supplier and credited unit. */
export interface SalesFileParties {
  supplier: string;
  creditedOrg: string;
}
const DEMO_PARTIES: SalesFileParties = { supplier: '香格里拉市森吉尼达生物资源开发有限公司', creditedOrg: '上海市闵行区人民政府' };

/** A sales CSV of `rows` valid rows (dates in the last year, varied amounts and channels), written to `dir` a megabyte at a time. */
export async function writeSalesCsv(dir: string, rows: number, parties: SalesFileParties = DEMO_PARTIES): Promise<string> {
  const file = path.join(dir, `sales-${rows}.csv`);
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\uFEFF${SALES_CSV_HEADER}\n`);
  const today = todayInChina();
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${addDays(today, -(i % 360) - 1)},${parties.supplier},,菌菇,,${CHANNELS[i % CHANNELS.length]},个人,${parties.creditedOrg},${100 + (i % 9973)}.${String(i % 100).padStart(2, '0')},${1 + (i % 20)},斤,${i % 7}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}
