import { parseArgs } from 'node:util';
import { loadDemoData } from '../app/demo.ts';
import { loadScaleDemo } from '../modules/demo/scale/scale.load.ts';
import { SCALES, type ScaleName } from '../modules/demo/scale/scale.plan.ts';
import { UsageError, withDatabase } from './runtime.ts';

/** `xiezuo demo`: the demo records; with --scale, five years of the sixteen districts' work through COPY. */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } } });
  const say = (m: string) => process.stdout.write(`${m}\n`);
  if (!values.scale) {
    if (values.seed) throw new UsageError('--seed 只用于规模演示：请同时给出 --scale city 或 --scale national');
    await withDatabase((d) => loadDemoData(d.db, say));
    return 0;
  }
  if (!(values.scale in SCALES)) throw new UsageError(`--scale 应为 ${Object.keys(SCALES).join(' 或 ')}，而不是「${values.scale}」`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed 应为非负整数，而不是「${values.seed}」`);
  const outcome = await withDatabase((d) => loadScaleDemo(d.db, { scale: values.scale as ScaleName, seed, log: values.json ? () => {} : say }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  }
  for (const t of outcome.tables) say(`  ${t.table.padEnd(34)} ${t.rows.toLocaleString('en').padStart(10)} 行  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${String(t.rssMiB).padStart(5)} MiB`);
  say(`完成：用时 ${(outcome.ms / 1000).toFixed(0)} s，进程内存峰值 ${outcome.peakRssMiB} MiB`);
  return 0;
}
