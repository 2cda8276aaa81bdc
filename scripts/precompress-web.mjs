// After `vite build`: writes a .br (brotli, quality 11) and a .gz (gzip, level 9) beside each text file of web/dist
// of 1 KB or more, so the server sends them as they are (@fastify/static preCompressed) instead of compressing
// the same bytes on every request. A compressed copy no smaller than its file is not written.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export const PRECOMPRESSED = /\.(?:js|mjs|css|html|svg|json|txt|xml|map|wasm)$/;
export const MIN_BYTES = 1024;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return []; // .vite/manifest.json is for tools, not browsers
    const p = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Compresses every eligible file under `dir`; returns what was written (bytes before, brotli, gzip). */
export async function precompress(dir) {
  const files = filesUnder(dir).filter((f) => PRECOMPRESSED.test(f) && fs.statSync(f).size >= MIN_BYTES);
  const results = await Promise.all(
    files.map(async (file) => {
      const data = fs.readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzip(data, { level: 9 }),
      ]);
      for (const [ext, bytes] of [['.br', br], ['.gz', gz]]) {
        if (bytes.length < data.length) fs.writeFileSync(file + ext, bytes);
        else fs.rmSync(file + ext, { force: true });
      }
      return { file: path.relative(dir, file), bytes: data.length, br: br.length, gz: gz.length };
    }),
  );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'web/dist'));
  const done = await precompress(dir);
  const sum = (k) => done.reduce((s, r) => s + r[k], 0);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`precompressed ${done.length} files in ${path.relative(root, dir) || dir}: ${kb(sum('bytes'))} → br ${kb(sum('br'))}, gzip ${kb(sum('gz'))}`);
}
