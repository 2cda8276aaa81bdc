import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * The web app's JavaScript as a browser fetches it (issue 18), read from a built web/dist (this builds nothing:
 * `npm run build:web` first). The first load is what index.html names — its entry script and the modulepreload
 * links, which Vite lists as the entry's whole static import graph — checked against the Vite manifest's graph
 * of index.html. The home page after login adds the lazy HomePage chunk and its static imports; its charts
 * (HomeCharts, with echarts) load after that, apart. Sizes are gzip (level 9, the .gz written beside each file).
 */
export const WEB_TARGETS = { initialJsGzipBytes: 400 * 1024 };

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface WebBench {
  /** The JavaScript of the first screen (`/`, the login page): entry + modulepreloads, gzip bytes. */
  initialJsGzipBytes: number;
  /** The same files before compression. */
  initialJsBytes: number;
  initialFiles: string[];
  /** The home page after login: the first load plus the HomePage chunk's graph (null without a manifest). */
  homeJsGzipBytes: number | null;
  /** …plus the home page's charts (HomeCharts and echarts), which load once the page is shown. */
  homeWithChartsJsGzipBytes: number | null;
  /** Every .js file of web/dist/assets. */
  totalJsGzipBytes: number;
  totalJsFiles: number;
  target: number;
}

function gzipBytes(dist: string, file: string): number {
  const full = path.join(dist, file);
  if (fs.existsSync(`${full}.gz`)) return fs.statSync(`${full}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length;
}

/** The JavaScript files index.html loads: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`))?.[1];
    const url = tag.startsWith('<script') ? (/type\s*=\s*["']module["']/.test(tag) ? attr('src') : undefined) : attr('rel') === 'modulepreload' ? attr('href') : undefined;
    if (url && !/^[a-z]+:|^\/\//i.test(url)) files.add(url.replace(/^\//, '').split(/[?#]/)[0]);
  }
  return [...files];
}

/** A manifest entry's file and those of its static imports, recursively. */
function staticGraph(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const k of chunk.imports ?? []) staticGraph(manifest, k, into);
  return into;
}

function keyOf(manifest: Manifest, src: string): string | undefined {
  return Object.keys(manifest).find((k) => k === src || manifest[k].src === src);
}

export function benchWeb(dist: string = WEB_DIST): WebBench {
  const indexHtml = path.join(dist, 'index.html');
  if (!fs.existsSync(indexHtml)) throw new Error(`${indexHtml} is missing: run \`npm run build:web\` first`);
  const initial = initialScripts(fs.readFileSync(indexHtml, 'utf8'));
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  const manifest: Manifest | null = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : null;

  const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + gzipBytes(dist, f), 0);
  const first = new Set(initial);
  let home: Set<string> | null = null;
  let charts: Set<string> | null = null;
  if (manifest) {
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
    if (entry) for (const f of staticGraph(manifest, entry)) first.add(f); // what the HTML would miss, if anything
    const homeKey = keyOf(manifest, 'features/home/HomePage.tsx');
    const chartsKey = keyOf(manifest, 'features/home/HomeCharts.tsx');
    if (homeKey) home = staticGraph(manifest, homeKey, new Set(first));
    if (home && chartsKey) charts = staticGraph(manifest, chartsKey, new Set(home));
  }
  const assets = path.join(dist, 'assets');
  const allJs = fs.existsSync(assets) ? fs.readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`) : [];
  return {
    initialJsGzipBytes: sum(first),
    initialJsBytes: [...first].reduce((s, f) => s + fs.statSync(path.join(dist, f)).size, 0),
    initialFiles: [...first],
    homeJsGzipBytes: home ? sum(home) : null,
    homeWithChartsJsGzipBytes: charts ? sum(charts) : null,
    totalJsGzipBytes: sum(allJs),
    totalJsFiles: allJs.length,
    target: WEB_TARGETS.initialJsGzipBytes,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** The rows bench/main.ts prints; null when web/dist has not been built. */
export function webRows(dist: string = WEB_DIST): [string, string, string, boolean][] | null {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return null;
  const w = benchWeb(dist);
  const rows: [string, string, string, boolean][] = [
    ['first load JS (login, gzip)', `${kb(w.initialJsGzipBytes)} (${kb(w.initialJsBytes)} raw, ${w.initialFiles.length} files)`, `≤ ${kb(w.target)}`, w.initialJsGzipBytes <= w.target],
  ];
  if (w.homeJsGzipBytes !== null) rows.push(['  home after login', kb(w.homeJsGzipBytes), 'reference', true]);
  if (w.homeWithChartsJsGzipBytes !== null) rows.push(['  home with its charts', kb(w.homeWithChartsJsGzipBytes), 'reference', true]);
  rows.push(['all JS (gzip)', `${kb(w.totalJsGzipBytes)} in ${w.totalJsFiles} files`, 'reference', true]);
  return rows;
}
