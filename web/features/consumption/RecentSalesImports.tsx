import { Button, Table, Tag, Typography } from 'antd';
import type { SalesImport } from '../../../src/modules/sales/sales.contract.ts';
import { IMPORT_STATUS_COLORS, importStatusLabel } from './consumptionEnums.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

/** The latest imports (GET /sales/imports): one still running, or one whose errors are wanted again, can be reopened. */
export function RecentSalesImports({ imports, onOpen }: { imports: SalesImport[]; onOpen: (i: SalesImport) => void }) {
  const t = useT();
  if (!imports.length) return null;
  return (
    <>
      <Typography.Text strong>{t('salesImport.recent')}</Typography.Text>
      <Table<SalesImport>
        data-testid="sales-import-history"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={imports}
        onRow={(i) => rowWithTestId(`sales-import-history-row-${i.id}`, { 'data-status': i.status })}
        columns={[
          { key: 'file', title: t('salesImport.file'), render: (_, i) => i.fileName },
          { key: 'status', title: t('salesImport.status'), width: 90, render: (_, i) => <Tag color={IMPORT_STATUS_COLORS[i.status]}>{importStatusLabel(t, i.status)}</Tag> },
          { key: 'loaded', title: t('salesImport.loaded'), width: 90, align: 'right', render: (_, i) => i.rowsLoaded },
          { key: 'started', title: t('salesImport.startedAt'), width: 170, render: (_, i) => `${formatDateTime(i.startedAt)} ${i.actorName}` },
          {
            key: 'open',
            width: 70,
            render: (_, i) => (
              <Button size="small" type="link" data-testid={`sales-import-open-${i.id}`} onClick={() => onOpen(i)}>
                {t('common.details')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
