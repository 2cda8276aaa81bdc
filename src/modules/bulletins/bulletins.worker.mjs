// The bulletin reader's thread: a 10 MB text takes seconds to read, and the server must keep answering meanwhile.
// Plain JavaScript so Node can start it; it registers tsx to load the TypeScript reader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { bulletinTextOf } = await import('./bulletins.input.ts');
const { extractBulletin } = await import('./bulletins.extract.ts');
const { AppError } = await import('../../platform/errors.ts');

parentPort.on('message', async ({ id, bytes, name, maxItems }) => {
  try {
    const result = extractBulletin(await bulletinTextOf(Buffer.from(bytes), name));
    if (result.items.length > maxItems) {
      const message = `读出 ${result.items.length} 个条目，超过一期简报的上限 ${maxItems} 条：请确认这是一期工作简报，或拆分后分别导入`;
      throw new AppError('VALIDATION', message, [{ path: 'file', message: '条目过多' }]);
    }
    parentPort.postMessage({ id, result });
  } catch (err) {
    const refusal = err instanceof AppError ? { code: err.code, message: err.message, issues: err.issues, details: err.details } : null;
    parentPort.postMessage({ id, refusal, failure: refusal ? null : String(err?.stack ?? err) });
  }
});
