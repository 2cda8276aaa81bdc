import { parseArgs } from 'node:util';
import { bulletinText } from '../modules/bulletins/bulletins.input.ts';
import { extractBulletin } from '../modules/bulletins/bulletins.extract.ts';
import { printJson, UsageError } from './runtime.ts';

/** `xiezuo import bulletin FILE --dry-run [--json]`: what the importer reads from a bulletin, without writing anything. */
export async function importCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'bulletin') throw new UsageError('用法：xiezuo import bulletin <文件> --dry-run [--json]');
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('请给出一个简报文件（.txt 或 .docx）');
  if (!values['dry-run']) throw new UsageError('导入为待审核草稿尚未提供：请加 --dry-run 查看抽取结果（不写入数据库）');
  const result = extractBulletin(await bulletinText(positionals[0]));
  if (values.json) {
    const { text: _text, ...rest } = result;
    printJson({ document: positionals[0].split('/').pop(), ...rest, items: result.items.map(({ body: _b, ...it }) => it) });
    return 0;
  }
  process.stdout.write(`年份：${result.year ?? '未知'}（${result.year_basis}）\n条目：${result.items.length}\n`);
  for (const it of result.items) {
    const when = it.date_start ? (it.date_start === it.date_end ? it.date_start : `${it.date_start} 至 ${it.date_end}`) : '日期不详';
    process.stdout.write(`- [${it.section ?? '—'}] ${it.title}（${when}；${it.kind}）${it.amounts.length ? ` 金额 ${it.amounts.map((a) => a.text).join('、')}` : ''}${it.counts.length ? ` 数量 ${it.counts.map((c) => c.text).join('、')}` : ''}\n`);
  }
  return 0;
}
