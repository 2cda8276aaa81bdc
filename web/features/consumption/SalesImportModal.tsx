import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { importTypeOf, useSalesImport, useSalesImports, useUploadSales } from './sales.api.ts';
import { RUNNING_IMPORT } from './consumptionEnums.ts';
import { SalesImportProgress } from './SalesImportProgress.tsx';
import { RecentSalesImports } from './RecentSalesImports.tsx';
import { useDownload } from '../../ui/download.ts';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';
import { FileChooser, SkipInvalidCheckbox } from '../../ui/UploadFields.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  /** An import finished: the list and summary should be fetched again. */
  onImported: () => void;
  /** Lists the sales one import loaded. */
  onShow: (importId: number) => void;
}

/**
 * 导入销售: templates (CSV, Excel), a .csv or .xlsx file (up to 300 MB), 跳过错误行; the upload answers at once and the
 * import runs on the server — its progress is polled every second. Recent imports can be reopened.
 */
export function SalesImportModal({ open, onClose, onImported, onShow }: Props) {
  const t = useT();
  const report = useErrorReporter();
  const upload = useUploadSales();
  const { download, busy } = useDownload();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [importId, setImportId] = useState<number | null>(null);
  const current = useSalesImport(open ? importId : null);
  const recent = useSalesImports(open && importId === null);
  const imp = current.data && current.data.id === importId ? current.data : null;
  const running = !!imp && RUNNING_IMPORT.includes(imp.status);
  const fileType = file ? importTypeOf(file.name) : null;

  /** Tell the page once when an import it watched comes to an end. */
  const finished = useRef<number | null>(null);
  useEffect(() => {
    if (imp && imp.status === 'done' && finished.current !== imp.id) {
      finished.current = imp.id;
      onImported();
    }
  }, [imp, onImported]);

  const submit = async () => {
    if (!file || !fileType) return;
    try {
      const started = await upload.run(file, fileType, skipInvalid);
      finished.current = null;
      setImportId(started.id);
      setFile(null); // started: sending the same file again would import it twice
    } catch (err) {
      report(err);
    }
  };
  const reset = () => {
    setFile(null);
    setImportId(null);
  };

  return (
    <Modal
      open={open}
      title={t('salesImport.title')}
      width={780}
      destroyOnHidden
      afterClose={reset}
      onCancel={onClose}
      okText={t('import.upload')}
      cancelText={t('common.close')}
      okButtonProps={buttonWithTestId('sales-import-submit', { loading: upload.loading, disabled: !fileType || running })}
      onOk={submit}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="sales-import-modal">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('salesImport.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} data-testid="sales-import-template-csv" loading={busy === '/sales/import-template.csv'} onClick={() => download('/sales/import-template.csv', undefined, '消费帮扶销售导入模板.csv')}>
            {t('salesImport.templateCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} data-testid="sales-import-template-xlsx" loading={busy === '/sales/import-template.xlsx'} onClick={() => download('/sales/import-template.xlsx', undefined, '消费帮扶销售导入模板.xlsx')}>
            {t('salesImport.templateXlsx')}
          </Button>
        </Space>
        <Space wrap>
          <FileChooser
            testId="sales-import"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            icon={<FileAddOutlined />}
            label={t('salesImport.choose')}
            noFile={t('salesImport.noFile')}
            file={file}
            disabled={running}
            onChoose={setFile}
          />
        </Space>
        {file && !fileType ? <Alert type="error" showIcon data-testid="sales-import-wrong-type" title={t('salesImport.wrongType')} /> : null}
        <SkipInvalidCheckbox testId="sales-import" hint={t('salesImport.skipHint')} checked={skipInvalid} onChange={setSkipInvalid} />
        <ErrorAlert error={current.error} onRetry={current.reload} />
        {imp ? <SalesImportProgress imp={imp} onShow={onShow} /> : null}
        {importId === null ? (
          <RecentSalesImports
            imports={recent.data?.items ?? []}
            onOpen={(i) => {
              if (!RUNNING_IMPORT.includes(i.status)) finished.current = i.id; // finished before: nothing new to show
              setImportId(i.id);
            }}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
