#!/usr/bin/env node
// `npm run load`: the load test (bench/load.ts) through tsx, against the real server in a child process.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../bench/load.ts');
// 1: some request failed; 2: the load test itself failed.
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(err);
  process.exitCode = 2;
}
