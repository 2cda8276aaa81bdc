import { parseArgs } from 'node:util';
import { resolveOrg } from '../modules/orgs/orgs.service.ts';
import { iatiQuery } from '../modules/iati/iati.contract.ts';
import { exportIatiDocument } from '../modules/iati/iati.service.ts';
import { invalidField } from '../platform/errors.ts';
import { systemContext } from '../platform/context.ts';
import { UsageError, withDatabase } from './runtime.ts';

/** `xiezuo export iati [--year Y] [--org X] > file.xml`: the document on stdout, messages on stderr. */
export async function exportCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'iati') throw new UsageError('export 只支持 iati 子命令，例如：xiezuo export iati --year 2024 > iati.xml');
  let values: { year?: string; org?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { year: { type: 'string' }, org: { type: 'string' } } }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    const parsed = iatiQuery.shape.year.safeParse(values.year);
    if (!parsed.success || parsed.data === undefined) throw invalidField('--year', `年度应为 2000–2100 的整数，而不是「${values.year}」`);
    year = parsed.data;
  }
  const { xml, activities, org } = await withDatabase(async ({ db }) => {
    const org = values.org ? await resolveOrg(db, values.org) : undefined;
    return { ...(await exportIatiDocument(db, systemContext, { year, orgId: org?.id })), org };
  });
  process.stdout.write(xml);
  process.stderr.write(`已导出 IATI 2.03 活动文件：${activities} 个项目${year ? `（${year} 年度）` : ''}${org ? `，${org.name}及其下级单位` : ''}\n`);
  return 0;
}
