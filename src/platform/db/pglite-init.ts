import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * A new PGlite data folder is made in a short-lived child process: initdb inside WebAssembly peaks
 * near 1 GB of RSS, and a process's WebAssembly memory never shrinks, so the server or the generator
 * that opens the folder afterwards starts at about half that. Does nothing when the folder exists.
 */
export async function initPgliteDir(pgdata: string): Promise<void> {
  if (fs.existsSync(pgdata)) return;
  // The package's CommonJS build, resolved from here (test runners do not offer import.meta.resolve).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `
    const { PGlite } = require(${JSON.stringify(entry)});
    (async () => {
      const db = await PGlite.create(${JSON.stringify(pgdata)});
      await db.query('select 1');
      await db.close();
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  if (code !== 0) {
    fs.rmSync(pgdata, { recursive: true, force: true }); // a half-made folder would be taken for a damaged one next time
    throw new Error(`初始化失败（退出码 ${code}）：${stderr.trim().split('\n').slice(-3).join(' ')}`);
  }
}
