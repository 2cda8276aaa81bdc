// Builds the web app when web/dist is missing or older than its sources, so `npm start` serves the current UI
// (with its files precompressed: npm run build:web ends with scripts/precompress-web.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const stale = !fs.existsSync(built) || Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'src/modules'))) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('正在构建网页…');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
} else if (!fs.existsSync(`${built}.br`)) {
  // built before the files were precompressed (or by `vite build` alone): add the .br and .gz copies
  execSync('node scripts/precompress-web.mjs', { cwd: root, stdio: 'inherit' });
}
