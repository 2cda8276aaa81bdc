// The bulletin reader's thread: a 10 MB text takes seconds to read, and the server must keep answering meanwhile.
// Plain JavaScript so Node can start it; it registers tsx to load the TypeScript reader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { bulletinTextOf } = await import('./bulletins.input.ts');
const { extractBulletin } = await import('./bulletins.extract.ts');
const { AppError } = await import('../../platform/errors.ts');

parentPort.on('message', async ({ id, bytes, name }) => {
  try {
    parentPort.postMessage({ id, result: extractBulletin(await bulletinTextOf(Buffer.from(bytes), name)) });
  } catch (err) {
    const refusal = err instanceof AppError ? { code: err.code, message: err.message, issues: err.issues, details: err.details } : null;
    parentPort.postMessage({ id, refusal, failure: refusal ? null : String(err?.stack ?? err) });
  }
});
