import { useCallback, useEffect, useRef, useState } from 'react';
import { bulletinTypeOf, importBulletinFile } from './bulletins.api.ts';
import { errorText } from '../../ui/errors.tsx';
import type { Translate } from '../../ui/i18n.tsx';

/** A file's state in a batch: skipped (not .txt/.docx), waiting, running, then created / existing / failed. */
export type BatchStatus = 'skipped' | 'waiting' | 'running' | 'created' | 'existing' | 'failed';

export interface BatchRow {
  index: number;
  /** The path inside a chosen folder, else the file name. */
  name: string;
  file: File;
  type: string | null;
  status: BatchStatus;
  documentId?: number;
  /** Items read from a new document. */
  items?: number;
  /** The API's message when it failed. */
  message?: string;
}

const FINISHED: BatchStatus[] = ['created', 'existing', 'failed'];

/** The chosen files as rows, in the order chosen: .txt and .docx wait for upload, the rest are skipped. */
export function batchRowsOf(files: File[]): BatchRow[] {
  return files.map((file, index) => {
    const type = bulletinTypeOf(file.name);
    return { index, name: file.webkitRelativePath || file.name, file, type, status: type ? 'waiting' : 'skipped' };
  });
}

/**
 * 批量导入: the waiting files uploaded one after another through the single-file endpoint (the embedded
 * database takes one import at a time anyway); a failure is kept on its row and the next file goes on.
 */
export function useBatchImport(t: Translate) {
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [running, setRunning] = useState(false);
  const stopped = useRef(false);
  const patch = (index: number, change: Partial<BatchRow>) => setRows((all) => all.map((r) => (r.index === index ? { ...r, ...change } : r)));

  // Leaving the page stops the batch after the file being sent.
  useEffect(() => () => void (stopped.current = true), []);

  const start = useCallback(async () => {
    stopped.current = false;
    setRunning(true);
    try {
      for (const row of rows.filter((r) => r.status === 'waiting')) {
        if (stopped.current) break;
        patch(row.index, { status: 'running' });
        try {
          const { created, document } = await importBulletinFile(row.file, row.type!);
          patch(row.index, { status: created ? 'created' : 'existing', documentId: document.id, items: document.drafts.length });
        } catch (err) {
          patch(row.index, { status: 'failed', message: errorText(t, err) });
        }
      }
    } finally {
      setRunning(false);
    }
  }, [rows, t]);

  const upload = rows.filter((r) => r.status !== 'skipped');
  return {
    rows,
    running,
    total: upload.length,
    done: upload.filter((r) => FINISHED.includes(r.status)).length,
    waiting: upload.filter((r) => r.status === 'waiting').length,
    count: (status: BatchStatus) => rows.filter((r) => r.status === status).length,
    choose: (files: File[]) => setRows(batchRowsOf(files)),
    start,
    stop: () => void (stopped.current = true),
    reset: () => setRows([]),
  };
}
