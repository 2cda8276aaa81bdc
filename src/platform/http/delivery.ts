import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * How responses travel: compressed when the caller accepts it, the web app's files with cache headers.
 * Issue 18: the first load was 1.6 MB of JavaScript sent as is, with `max-age=0` on hashed files.
 */

/** Below this many bytes a response is sent as is (the headers would cost more than the saving). */
export const COMPRESS_THRESHOLD = 1024;

/**
 * What is worth compressing: text, JSON, XML, JavaScript, SVG. Not .xlsx/.docx (zip archives), PDF or images,
 * which are compressed already, nor octet streams; never text/event-stream, whose events a compressor would hold back.
 */
export const COMPRESSIBLE = /^text\/(?!event-stream)|^application\/(?:[\w.-]+\+)?(?:json|xml|javascript)(?:;|$)|^image\/svg\+xml(?:;|$)/;

/** Files under web/dist/assets carry their content's hash in the name: a new release has new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and any other file without a hash: revalidated each time, so a new release is picked up at once. */
export const REVALIDATE = 'no-cache';

/**
 * Compressed answers (brotli preferred, gzip otherwise) for every route registered after this call.
 * Request bodies are read as sent: uploads have their own size and zip-bomb checks, which an inflating step
 * in front of them would bypass.
 */
export async function compressResponses(app: FastifyInstance) {
  await app.register(import('@fastify/compress'), {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    customTypes: COMPRESSIBLE,
    globalDecompression: false,
  });
}

/**
 * The built web app from `webDist`: each file's .br or .gz written beside it at build time
 * (scripts/precompress-web.mjs) is sent when the caller accepts it, with `Vary: accept-encoding`;
 * hashed assets are cached for a year, everything else is revalidated.
 */
export async function serveWeb(app: FastifyInstance, webDist: string) {
  const assets = path.join(path.resolve(webDist), 'assets') + path.sep;
  await app.register(import('@fastify/static'), {
    root: webDist,
    prefix: '/', // wildcard: files are found at request time, so a rebuild needs no restart
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => void reply.header('cache-control', path.resolve(file).startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });
}

/** A missing hashed file (an old release's chunk) is a 404, not the app's index.html sent as JavaScript. */
export function isAssetPath(url: string) {
  return url.startsWith('/assets/');
}
