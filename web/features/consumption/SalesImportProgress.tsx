import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import type { SalesImport } from '../../../src/modules/sales/sales.contract.ts';
import { IMPORT_STATUS_COLORS, RUNNING_IMPORT, importStatusLabel } from './consumptionEnums.ts';
import { RowErrorTable } from '../../ui/RowErrorTable.tsx';
import { useT } from '../../ui/i18n.tsx';

interface Props {
  imp: SalesImport;
  /** Lists the sales this import loaded (sets the importId filter). */
  onShow: (importId: number) => void;
}

/** One import as it runs: the progress bar, status and phase, rows read/valid/loaded, duplicates flagged, and the row errors. */
export function SalesImportProgress({ imp, onShow }: Props) {
  const t = useT();
  const running = RUNNING_IMPORT.includes(imp.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{imp.fileName}</Typography.Text>
        <Tag color={IMPORT_STATUS_COLORS[imp.status]} data-testid="sales-import-status" data-status={imp.status}>
          {importStatusLabel(t, imp.status)}
        </Tag>
        {imp.phaseNote ? <Typography.Text type="secondary">{imp.phaseNote}</Typography.Text> : null}
      </Space>
      <Progress
        data-testid="sales-import-progress"
        data-status={imp.status}
        data-progress={imp.progress}
        percent={Math.round(imp.progress)}
        status={imp.status === 'failed' ? 'exception' : imp.status === 'done' ? 'success' : running ? 'active' : 'normal'}
      />
      <Typography.Text
        data-testid="sales-import-counts"
        data-rows-read={imp.rowsRead}
        data-rows-valid={imp.rowsValid}
        data-rows-loaded={imp.rowsLoaded}
        data-duplicates={imp.duplicates}
        data-errors={imp.errorCount}
      >
        {t('salesImport.counts', { read: imp.rowsRead, valid: imp.rowsValid, loaded: imp.rowsLoaded, duplicates: imp.duplicates, errors: imp.errorCount })}
      </Typography.Text>
      {imp.status === 'failed' ? <Alert type="error" showIcon data-testid="sales-import-failed" title={t(imp.errorCount && !imp.skipInvalid ? 'salesImport.failedRows' : 'salesImport.failed')} /> : null}
      {imp.status === 'done' ? (
        <Alert
          type={imp.errorCount || imp.duplicates ? 'warning' : 'success'}
          showIcon
          data-testid="sales-import-done"
          title={t('salesImport.done', { loaded: imp.rowsLoaded, skipped: imp.rowsRead - imp.rowsValid, duplicates: imp.duplicates })}
          action={
            imp.rowsLoaded ? (
              <Button size="small" data-testid="sales-import-show" onClick={() => onShow(imp.id)}>
                {t('salesImport.show')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {imp.errors.length ? (
        <>
          {imp.errorCount > imp.errors.length ? <Typography.Text type="secondary">{t('salesImport.firstErrors', { shown: imp.errors.length, total: imp.errorCount })}</Typography.Text> : null}
          <RowErrorTable rows={imp.errors} testId="sales-import-errors" />
        </>
      ) : null}
    </Space>
  );
}
