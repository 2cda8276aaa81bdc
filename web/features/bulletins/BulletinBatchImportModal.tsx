import { useRef } from 'react';
import { Button, Modal, Progress, Space, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { BULLETIN_ACCEPT } from './bulletins.api.ts';
import { useBatchImport } from './useBatchImport.ts';
import { BatchImportTable } from './BatchImportTable.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId } from '../../ui/testIds.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  /** After the batch, so the list shows the new documents. */
  onImported: () => void;
}

/**
 * 批量导入: several .txt/.docx files or a whole folder (other files are listed as skipped), uploaded one after
 * another with a progress bar and one row per file: 新导入 N 条, 已导入过, or 失败 with the API's message.
 */
export function BulletinBatchImportModal({ open, onClose, onImported }: Props) {
  const t = useT();
  const batch = useBatchImport(t);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const chooser = (testId: string, ref: React.RefObject<HTMLInputElement | null>, folder: boolean) => (
    <input
      ref={(el) => {
        ref.current = el;
        // React has no prop for a folder chooser; the attribute is what browsers read.
        if (el && folder) el.setAttribute('webkitdirectory', '');
      }}
      type="file"
      multiple
      accept={folder ? undefined : BULLETIN_ACCEPT}
      data-testid={testId}
      style={{ display: 'none' }}
      onChange={(e) => {
        batch.choose(Array.from(e.target.files ?? []));
        e.target.value = '';
      }}
    />
  );
  const close = () => {
    batch.stop();
    if (batch.count('created') || batch.count('existing')) onImported();
    onClose();
  };
  const percent = batch.total ? Math.round((batch.done / batch.total) * 100) : 0;

  return (
    <Modal
      open={open}
      width={900}
      title={t('bulletin.batchTitle')}
      destroyOnHidden
      afterClose={batch.reset}
      onCancel={close}
      okText={t('bulletin.batchStart')}
      cancelText={t('common.close')}
      okButtonProps={buttonWithTestId('bulletin-batch-submit', { loading: batch.running, disabled: !batch.waiting })}
      cancelButtonProps={buttonWithTestId('bulletin-batch-close')}
      onOk={() => void batch.start()}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulletin-batch-modal">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('bulletin.batchIntro')}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<FileAddOutlined />} data-testid="bulletin-batch-choose-files" disabled={batch.running} onClick={() => filesInput.current?.click()}>
            {t('bulletin.batchChooseFiles')}
          </Button>
          <Button icon={<FolderOpenOutlined />} data-testid="bulletin-batch-choose-folder" disabled={batch.running} onClick={() => folderInput.current?.click()}>
            {t('bulletin.batchChooseFolder')}
          </Button>
          {chooser('bulletin-batch-files', filesInput, false)}
          {chooser('bulletin-batch-folder', folderInput, true)}
          <Typography.Text data-testid="bulletin-batch-chosen">
            {batch.rows.length ? t('bulletin.batchChosen', { n: batch.total, skipped: batch.count('skipped') }) : t('bulletin.noFile')}
          </Typography.Text>
        </Space>
        {batch.total ? (
          <div data-testid="bulletin-batch-progress" data-done={batch.done} data-total={batch.total} data-running={batch.running}>
            <Progress percent={percent} status={batch.running ? 'active' : batch.count('failed') ? 'normal' : undefined} format={() => t('bulletin.batchProgress', { done: batch.done, total: batch.total })} />
          </div>
        ) : null}
        {batch.done ? (
          <Typography.Text data-testid="bulletin-batch-summary">
            {t('bulletin.batchSummary', { created: batch.count('created'), existing: batch.count('existing'), failed: batch.count('failed'), skipped: batch.count('skipped') })}
          </Typography.Text>
        ) : null}
        {batch.rows.length ? <BatchImportTable rows={batch.rows} /> : null}
      </Space>
    </Modal>
  );
}
