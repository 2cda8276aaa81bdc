import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { ApiError } from './api.ts';
import { useT } from './i18n.tsx';
import { useErrorReporter } from './errors.tsx';
import { useDownload } from './download.ts';
import { useApiMutation } from './useApi.ts';
import { importSheet, type ImportResult, type RowError } from './sheets.ts';
import { buttonWithTestId } from './testIds.ts';
import { RowErrorTable } from './RowErrorTable.tsx';
import { FileChooser, SkipInvalidCheckbox } from './UploadFields.tsx';

/** A 400 from an import lists every bad row in details.errors. */
function rowErrorsOf(err: unknown): RowError[] | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const errors = err.details?.errors;
  return Array.isArray(errors) ? (errors as RowError[]) : null;
}

interface Props {
  open: boolean;
  /** The kind's API path, e.g. /projects: template at {path}/import-template.xlsx, upload to {path}/import. */
  path: string;
  title: string;
  intro: string;
  /** File name of the template when the server sends none. */
  templateName: string;
  onClose: () => void;
  onImported: () => void;
}

/**
 * Excel 导入 for any record kind with a sheet: template, file, 跳过错误行; a refused file shows its row errors,
 * an accepted one its counts. Test ids (import-modal, import-file, import-errors-row-{row} …) are the same for every kind.
 */
export function SheetImportModal({ open, path, title, intro, templateName, onClose, onImported }: Props) {
  const t = useT();
  const report = useErrorReporter();
  const upload = useApiMutation((file: Blob, skip: boolean) => importSheet(path, file, skip));
  const { download, busy } = useDownload();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  /** `skipped` lists every error; a row with three errors is still one skipped row. */
  const skippedRows = new Set(result?.skipped.map((r) => r.row)).size;
  const reset = () => {
    setFile(null);
    setErrors(null);
    setResult(null);
  };
  const submit = async () => {
    if (!file) return;
    setErrors(null);
    setResult(null);
    try {
      const done = await upload.run(file, skipInvalid);
      setResult(done);
      setFile(null); // imported: uploading the same file again would add the rows twice
      onImported();
    } catch (err) {
      const rows = rowErrorsOf(err);
      if (rows) setErrors(rows);
      else report(err);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={720}
      destroyOnHidden
      afterClose={reset}
      onCancel={onClose}
      okText={t('import.upload')}
      cancelText={t('common.close')}
      okButtonProps={buttonWithTestId('import-submit', { loading: upload.loading, disabled: !file })}
      onOk={submit}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-modal">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} data-testid="import-template" loading={busy !== null} onClick={() => download(`${path}/import-template.xlsx`, undefined, templateName)}>
            {t('import.template')}
          </Button>
          <FileChooser
            testId="import"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            icon={<FileExcelOutlined />}
            label={t('import.choose')}
            noFile={t('import.noFile')}
            file={file}
            onChoose={(chosen) => {
              reset();
              setFile(chosen);
            }}
          />
        </Space>
        <SkipInvalidCheckbox testId="import" hint={t('import.skipHint')} checked={skipInvalid} onChange={setSkipInvalid} />
        {errors ? (
          <>
            <Alert type="error" showIcon data-testid="import-refused" title={t('import.errorsTitle', { n: errors.length })} />
            <RowErrorTable rows={errors} testId="import-errors" />
          </>
        ) : null}
        {result ? (
          <>
            <Alert
              type={result.skipped.length ? 'warning' : 'success'}
              showIcon
              data-testid="import-result"
              data-imported={result.imported}
              data-skipped={skippedRows}
              title={t('import.done', { total: result.total, imported: result.imported, skipped: skippedRows })}
            />
            {result.skipped.length ? <RowErrorTable rows={result.skipped} testId="import-skipped" /> : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
