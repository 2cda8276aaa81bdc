import { parseArgs } from 'node:util';
import { resolveOrg } from '../modules/orgs/orgs.service.ts';
import { PAIRING_TYPES, pairingType, type PairingType } from '../modules/pairings/pairings.contract.ts';
import { coverageOf } from '../modules/pairings/pairings.coverage.ts';
import { listPairings } from '../modules/pairings/pairings.service.ts';
import { resolveRegion } from '../modules/regions/regions.service.ts';
import { invalidField } from '../platform/errors.ts';
import { ALL } from '../platform/access/scope.ts';
import { allPages } from '../platform/excel/export.ts';
import { printJson, UsageError, withDatabase } from './runtime.ts';

export async function pairingsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, org: { type: 'string' }, county: { type: 'string' }, type: { type: 'string' }, year: { type: 'string' } },
  });
  const year = values.year ? Number(values.year) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw invalidField('--year', '年度应为 1990–2100 的整数');

  if (sub === 'list') {
    let type: PairingType | undefined;
    if (values.type) {
      const byLabel = Object.entries(PAIRING_TYPES).find(([, label]) => label === values.type)?.[0];
      const parsed = pairingType.safeParse(byLabel ?? values.type);
      if (!parsed.success) throw invalidField('--type', `未知的结对类型「${values.type}」，可用：${Object.values(PAIRING_TYPES).join('、')}`);
      type = parsed.data;
    }
    const result = await withDatabase(async ({ db }) => {
      const org = values.org ? await resolveOrg(db, values.org) : undefined;
      const county = values.county ? await resolveRegion(db, values.county) : undefined;
      const items = await allPages((page, pageSize) => listPairings(db, ALL, { org: org?.id, region: county?.code, type, year, page, pageSize, order: 'asc', sort: 'startDate' }));
      return { org: org ?? null, county: county ? { code: county.code, fullName: county.fullName } : null, total: items.length, items };
    });
    if (values.json) printJson(result);
    else for (const p of result.items) process.stdout.write(`${p.id}\t${PAIRING_TYPES[p.type]}\t${p.eastOrg.name} ↔ ${p.westOrg.name}\t${p.startDate} 至 ${p.endDate ?? '今'}\n`);
    return 0;
  }

  if (sub === 'coverage') {
    const target = positionals.join('');
    if (!target) throw new UsageError('请给出县名或区划代码，例如：xiezuo pairings coverage 香格里拉市');
    const coverage = await withDatabase(async ({ db }) => coverageOf(db, ALL, (await resolveRegion(db, target, [2, 3, 4])).code, year));
    if (values.json) printJson(coverage);
    else {
      const t = coverage.totals;
      process.stdout.write(`${coverage.region.fullName}（${coverage.region.code}）${coverage.year} 年：乡镇 ${t.pairedTownships}/${t.townships} 已结对，村 ${t.pairedVillages}/${t.villages} 已结对\n`);
      for (const u of coverage.units) {
        process.stdout.write(`${u.code}\t${u.name}\t${u.paired ? `已结对：${u.pairings.map((p) => `${p.eastOrgName}（${PAIRING_TYPES[p.type]}）`).join('、')}` : '未结对'}\n`);
      }
    }
    return 0;
  }
  throw new UsageError('pairings 支持 list 与 coverage 子命令');
}
