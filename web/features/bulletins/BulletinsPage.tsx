import { useState } from 'react';
import { Alert, Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useBulletinList } from './bulletins.api.ts';
import { BulletinsTable } from './BulletinsTable.tsx';
import { BulletinImportModal } from './BulletinImportModal.tsx';
import { BulletinBatchImportModal } from './BulletinBatchImportModal.tsx';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['page', 'pageSize'] as const;

/** 简报导入 (/bulletins): the imported bulletins, 导入简报 and 批量导入; writing bulletins is 简报编发 (/bulletin-editions). */
export function BulletinsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const list = useBulletinList({ page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const canWrite = useCan('activity:write');
  const [importing, setImporting] = useState(false);
  const [batch, setBatch] = useState(false);
  const batchButton = canWrite ? (
    <Button icon={<FolderOpenOutlined />} data-testid="bulletin-batch-import" onClick={() => setBatch(true)}>
      {t('bulletin.batchImport')}
    </Button>
  ) : null;

  return (
    <>
      <ListPageHeader title={t('bulletin.pageTitle')} createLabel={t('bulletin.import')} createTestId="bulletin-import" canCreate={canWrite} onCreate={() => setImporting(true)} extra={batchButton} />
      <Alert
        type="info"
        showIcon
        data-testid="bulletin-compose-note"
        title={t('bulletin.composeNote')}
        action={<Link to="/bulletin-editions" data-testid="bulletin-compose-link">{t('bulletin.composeLink')}</Link>}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <BulletinsTable page={list.data} loading={list.loading} onPage={(page, pageSize) => setParams({ page, pageSize })} />
      <BulletinImportModal open={importing} onClose={() => setImporting(false)} />
      <BulletinBatchImportModal open={batch} onClose={() => setBatch(false)} onImported={list.reload} />
    </>
  );
}
