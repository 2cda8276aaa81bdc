import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { openTestDatabase } from '../../testing/test-db.ts';
import { precompress } from '../../../scripts/precompress-web.mjs';
import type { Database } from '../db/database.ts';
import type { Feature } from '../feature.ts';
import type { Authenticator } from '../access/authenticated.ts';
import { buildServer, type App } from './server.ts';
import { sendFile } from './files.ts';
import { COMPRESS_THRESHOLD, IMMUTABLE } from './delivery.ts';

/**
 * Issue 18: the web app's files go out precompressed with long-lived caching for hashed names and revalidation
 * for the rest; API answers are compressed on the fly above the threshold; files that are archives already
 * (.xlsx) go out as they are. Built around a temporary web/dist, so it needs no `npm run build:web`.
 */
const nobody: Authenticator = { session: async () => null, token: async () => null };

const ASSET = 'assets/index-AbC123xy.js';
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "第${i}行" }`).join(', ')}];\n`;
const indexHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>协作 Xiezuo</title>
<script type="module" crossorigin src="/${ASSET}"></script></head>
<body><div id="root"></div>${'<!-- padding so the page is worth compressing -->\n'.repeat(40)}</body></html>`;
/** Bytes that look like a zip (an .xlsx): compressing them again would waste time for nothing. */
const xlsxBytes = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(8 * 1024, 'x')]);
const bigJson = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `组织${i}` })) };

const web: Feature = {
  name: 'delivery',
  setup: () => ({
    routes: (app) => {
      app.get('/big', { config: { access: 'public' } }, async () => bigJson);
      app.get('/small', { config: { access: 'public' } }, async () => ({ ok: true }));
      app.get('/sheet.xlsx', { config: { access: 'public' } }, async (_req, reply) => sendFile(reply, xlsxBytes, '导出.xlsx'));
    },
  }),
};

let database: Database;
let app: App;
let dist: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(dist, ASSET), script);
  fs.writeFileSync(path.join(dist, 'assets/tiny-Zz9.js'), 'export {};\n');
  await precompress(dist);
  database = await openTestDatabase();
  app = await buildServer({ database, webDist: dist, authenticator: nobody, features: [web] });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

function decoded(res: LightMyRequestResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.rawPayload);
  if (encoding === 'gzip') return zlib.gunzipSync(res.rawPayload);
  return res.rawPayload;
}

describe('the build step', () => {
  it('writes a .br and a .gz beside each text file of 1 KB or more, not beside smaller ones', () => {
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${ASSET}.br`))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${ASSET}.gz`))).toString()).toBe(script);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'assets/tiny-Zz9.js.br'))).toBe(false);
  });
});

describe('the web app\'s files', () => {
  it('sends a hashed asset precompressed with brotli when accepted, cached for a year', async () => {
    const res = await get(`/${ASSET}`, 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBe(fs.statSync(path.join(dist, `${ASSET}.br`)).size);
    expect(decoded(res).toString()).toBe(script);
  });

  it('sends gzip to a caller that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gz = await get(`/${ASSET}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(decoded(gz).toString()).toBe(script);
    const plain = await get(`/${ASSET}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body).toBe(script);
    const tiny = await get('/assets/tiny-Zz9.js', 'br, gzip'); // no .br written: sent as is
    expect(tiny.statusCode).toBe(200);
    expect(decoded(tiny).toString()).toBe('export {};\n');
  });

  it('sends index.html, and the app\'s client-side routes, revalidated on every load', async () => {
    for (const url of ['/', '/index.html', '/pairings/3?year=2024']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(decoded(res).toString(), url).toBe(indexHtml);
    }
    const plain = await get('/pairings');
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(indexHtml);
    // revalidating is cheap: the same release answers 304 without a body
    const first = await get('/', 'br, gzip');
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br, gzip', 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('answers a missing hashed file with 404, not with index.html', async () => {
    const res = await get('/assets/index-OldRelease.js', 'br, gzip');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('API answers', () => {
  it('compresses JSON above the threshold when asked (brotli first, else gzip) and not when not asked', async () => {
    const plainBytes = Buffer.byteLength(JSON.stringify(bigJson));
    expect(plainBytes).toBeGreaterThan(COMPRESS_THRESHOLD);
    const br = await get('/api/v1/big', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plainBytes / 2);
    expect(JSON.parse(decoded(br).toString())).toEqual(bigJson);
    const gz = await get('/api/v1/big', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gz).toString())).toEqual(bigJson);
    const plain = await get('/api/v1/big');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(bigJson);
  });

  it('sends small answers as they are', async () => {
    const res = await get('/api/v1/small', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
  });

  it('sends an Excel download as it is, byte for byte, even when compression is accepted', async () => {
    const res = await get('/api/v1/sheet.xlsx', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(res.rawPayload, xlsxBytes)).toBe(0);
  });
});
