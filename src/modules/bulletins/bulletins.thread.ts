import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type Issue } from '../../platform/errors.ts';
import { heavyParse } from '../../platform/files/heavy.ts';
import type { Extraction } from './bulletins.extract.ts';

/**
 * More items than any bulletin has (a log or a data dump): refused on the reader thread, before the
 * extraction is copied back to the main thread (80,000 items take it ~0.4 s to receive).
 */
export const MAX_ITEMS = 2000;

type Reply = { id: number; result?: Extraction; refusal?: { code: ErrorCode; message: string; issues: Issue[]; details?: Record<string, unknown> } | null; failure?: string | null };

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (r: Extraction) => void; reject: (e: Error) => void }>();

/** One reader thread for the process, started on first use; it keeps the process alive only while it has work. */
function readerThread(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./bulletins.worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (!pending.size) w.unref();
    if (m.result) p.resolve(m.result);
    else if (m.refusal) p.reject(new AppError(m.refusal.code, m.refusal.message, m.refusal.issues, m.refusal.details));
    else p.reject(new Error(`简报读取线程出错：${m.failure}`));
  });
  // A thread that dies fails what it had; the next read starts a new one.
  const fail = (err: Error) => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`简报读取线程已退出（${code}）`)));
  worker = w;
  return w;
}

/**
 * A bulletin file read and extracted off the server's main thread (bulletinTextOf + extractBulletin), at most
 * MAX_ITEMS items; one at a time with the process's other file parses (a busy server answers 503).
 */
export function readBulletin(bytes: Buffer, name: string): Promise<Extraction> {
  return heavyParse(() => onReaderThread(bytes, name));
}

function onReaderThread(bytes: Buffer, name: string): Promise<Extraction> {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject });
    const w = readerThread();
    w.ref();
    w.postMessage({ id, bytes, name, maxItems: MAX_ITEMS });
  });
}
