#!/usr/bin/env node
// `npm run bench`: the benchmarks under bench/, run through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../bench/main.ts');
// 1: a figure missed its target; 2: the benchmark itself failed.
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(err);
  process.exitCode = 2;
}
