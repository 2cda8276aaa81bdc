import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemContext } from '../platform/context.ts';
import { invalidField } from '../platform/errors.ts';
import { computeIndicators, evidenceRows } from '../modules/indicators/indicators.service.ts';
import { EVIDENCE_EXPORT_MAX } from '../modules/indicators/indicators.excel.ts';
import { scopeQuery, type ScopeQuery } from '../modules/indicators/indicators.contract.ts';
import { printJson, UsageError, withDatabase } from './runtime.ts';

const options = { region: { type: 'string' }, district: { type: 'string' }, pairing: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The scope and period from the flags, checked by the API's own schema (same messages). */
function queryOf(values: Record<string, string | boolean | undefined>): ScopeQuery {
  if (!values.year) throw new UsageError('需要 --year 年度');
  const parsed = scopeQuery.safeParse(Object.fromEntries(Object.entries(values).filter(([k, v]) => k !== 'json' && v !== undefined)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidField(String(issue.path[0] ?? 'year'), issue.message);
  }
  return parsed.data;
}

/**
 * xiezuo indicators [--region C|--district ID|--pairing ID] --year Y [--quarter Q|--month M] [--json]
 * xiezuo indicators evidence CODE … [--json]   (each record with the value it contributes)
 * xiezuo indicators rebuild                    (recompute the summary cells from the records)
 */
export async function indicatorsCommand(args: string[]): Promise<number> {
  if (args[0] === 'rebuild') {
    await withDatabase((d) => sql`select ind_rebuild()`.execute(d.db));
    process.stdout.write('已按记录重算全部指标汇总。\n');
    return 0;
  }
  const evidence = args[0] === 'evidence';
  const { values, positionals } = parseArgs({ args: evidence ? args.slice(1) : args, options, allowPositionals: true });
  const query = queryOf(values);
  if (evidence) {
    const code = positionals[0];
    if (!code) throw new UsageError('indicators evidence 需要指标代码');
    const { rows, total } = await withDatabase((d) => evidenceRows(d.db, systemContext, code, query, { limit: EVIDENCE_EXPORT_MAX, offset: 0 }));
    if (total > rows.length) process.stderr.write(`注意：共 ${total} 条记录，只输出前 ${rows.length} 条\n`);
    if (values.json) printJson(rows);
    else for (const r of rows) process.stdout.write(`${r.kindLabel}\t${r.id}\t${r.date ?? ''}\t${r.placeName ?? ''}\t${r.label}\t${r.value}\n`);
    return 0;
  }
  const report = await withDatabase((d) => computeIndicators(d.db, systemContext, query));
  const items = report.items.map((i) => ({ code: i.code, name: i.name, unit: i.unit, value: i.value }));
  if (values.json) printJson(items);
  else {
    process.stdout.write(`${report.scope.name} ${report.period.label}\n`);
    for (const i of report.items) process.stdout.write(`${i.name}\t${i.value ?? '—'} ${i.unit}${i.yoy === null ? '' : `\t同比 ${i.yoy > 0 ? '+' : ''}${i.yoy}${i.yoyKind === 'points' ? ' 个百分点' : '%'}`}\n`);
  }
  return 0;
}
