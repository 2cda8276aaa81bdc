import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Query } from './api.ts';
import { useT } from './i18n.tsx';
import { useDownload } from './download.ts';
import { SheetImportModal } from './SheetImportModal.tsx';

interface Props {
  /** The kind's API path, e.g. /donations. */
  path: string;
  /** Buttons get data-testid `{testId}-import` and `{testId}-export`. */
  testId: string;
  /** What the rows are, for the modal title (从 Excel 导入{what}). */
  what: string;
  /** The file name's stem when the server sends none (捐赠 → 捐赠.xlsx, 捐赠导入模板.xlsx). */
  fileStem: string;
  /** The list's current filters: the export holds exactly what the list shows. */
  exportQuery: Query;
  canWrite: boolean;
  onImported: () => void;
}

/** Excel 导入 (with write permission) and 导出 Excel of the filtered list, as on the projects page. */
export function SheetActions({ path, testId, what, fileStem, exportQuery, canWrite, onImported }: Props) {
  const t = useT();
  const [importing, setImporting] = useState(false);
  const { download, busy } = useDownload();
  return (
    <>
      {canWrite ? (
        <Button icon={<UploadOutlined />} data-testid={`${testId}-import`} onClick={() => setImporting(true)}>
          {t('sheet.import')}
        </Button>
      ) : null}
      <Button icon={<DownloadOutlined />} data-testid={`${testId}-export`} loading={busy !== null} onClick={() => download(`${path}/export.xlsx`, exportQuery, `${fileStem}.xlsx`)}>
        {t('sheet.export')}
      </Button>
      <SheetImportModal
        open={importing}
        path={path}
        title={t('sheet.importTitle', { what })}
        intro={t('sheet.importIntro')}
        templateName={`${fileStem}导入模板.xlsx`}
        onClose={() => setImporting(false)}
        onImported={onImported}
      />
    </>
  );
}
