import { useCallback, useState } from 'react';
import { api, type DownloadedFile, type Query } from './api.ts';
import { useErrorReporter } from './errors.tsx';

/** Hands a downloaded file to the browser's save dialog (an object URL on a temporary link). */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * `download(path, query, fallbackName)` fetches a file through `api.download` (session cookie, 401 handling)
 * and saves it; failures (e.g. an empty IATI selection) are reported like any API error. `busy` is the path in flight.
 */
export function useDownload() {
  const report = useErrorReporter();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, query: Query | undefined, fallbackName: string) => {
      setBusy(path);
      try {
        saveFile(await api.download(path, query), fallbackName);
      } catch (err) {
        report(err);
      } finally {
        setBusy(null);
      }
    },
    [report],
  );
  return { download, busy };
}
