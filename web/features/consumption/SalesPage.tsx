import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Sale, SaleFilters } from '../../../src/modules/sales/sales.contract.ts';
import { useDeleteSale, useDuplicateDecision, useSaleList, useSalesSummary } from './sales.api.ts';
import { BUYER_TYPE_CODES, CATEGORY_CODES, CHANNEL_CODES, DUP_STATUS_CODES } from './consumptionEnums.ts';
import { SalesFilters } from './SalesFilters.tsx';
import { SalesSummaryCards } from './SalesSummaryCards.tsx';
import { SalesCharts } from './SalesCharts.tsx';
import { SalesTable } from './SalesTable.tsx';
import { SaleFormDrawer } from './SaleFormDrawer.tsx';
import { SalesImportModal } from './SalesImportModal.tsx';
import { useCan } from '../auth/session.tsx';
import { useDownload } from '../../ui/download.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useDeleteRecord, useRunWithMessage } from '../../ui/useDeleteRecord.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'county', 'channel', 'buyerType', 'category', 'supplier', 'product', 'credited', 'activity', 'year', 'from', 'to', 'dupStatus', 'importId', 'page', 'pageSize'] as const;

/** 消费帮扶销售: filters in the URL, totals and charts of the counted sales, the list with 疑似重复 to check, 登记, 导入 with progress, 导出. */
export function SalesPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters: Partial<SaleFilters> = {
    q: params.q,
    county: params.county,
    channel: oneOf(params.channel, CHANNEL_CODES),
    buyerType: oneOf(params.buyerType, BUYER_TYPE_CODES),
    category: oneOf(params.category, CATEGORY_CODES),
    supplier: toInt(params.supplier),
    product: toInt(params.product),
    credited: toInt(params.credited),
    activity: toInt(params.activity),
    year: toInt(params.year),
    from: params.from,
    to: params.to,
    dupStatus: oneOf(params.dupStatus, DUP_STATUS_CODES),
    importId: toInt(params.importId),
  };
  const list = useSaleList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20, order: 'desc' });
  const byChannel = useSalesSummary('channel', filters);
  const byMonth = useSalesSummary('month', filters);
  const canWrite = useCan('consumption:write');
  const remove = useDeleteSale();
  const decide = useDuplicateDecision();
  const { download, busy } = useDownload();
  const [editing, setEditing] = useState<Sale | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [deciding, setDeciding] = useState<number | null>(null);
  const changed = () => {
    list.reload();
    byChannel.reload();
    byMonth.reload();
  };
  const run = useRunWithMessage();
  const onDelete = useDeleteRecord<Sale>(remove.run, t('sale.deleted'), changed);
  const actions = {
    onEdit: setEditing,
    onDelete,
    onDecide: async (s: Sale, decision: 'duplicate' | 'distinct') => {
      setDeciding(s.id);
      await run(() => decide.run(s.id, decision), t(decision === 'duplicate' ? 'sale.markedDuplicate' : 'sale.markedDistinct'), changed);
      setDeciding(null);
    },
    deciding,
  };

  return (
    <>
      <ListPageHeader
        title={t('nav.sales')}
        createLabel={t('sale.create')}
        createTestId="sales-create"
        canCreate={canWrite}
        onCreate={() => setEditing('new')}
        extra={
          <>
            {canWrite ? (
              <Button icon={<UploadOutlined />} data-testid="sales-import" onClick={() => setImporting(true)}>
                {t('salesImport.open')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} data-testid="sales-export" loading={busy === '/sales/export.xlsx'} onClick={() => download('/sales/export.xlsx', filters, '消费帮扶销售.xlsx')}>
              {t('sheet.export')}
            </Button>
          </>
        }
      />
      <SalesFilters filters={filters} onChange={setParams} />
      <ErrorAlert error={byChannel.error} onRetry={byChannel.reload} />
      <SalesSummaryCards summary={byChannel.data} loading={byChannel.loading} onShowFlagged={() => setParams({ dupStatus: 'flagged' })} />
      <SalesCharts byChannel={byChannel.data} byMonth={byMonth.data} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <SalesTable page={list.data} loading={list.loading} onPage={(page, pageSize) => setParams({ page, pageSize })} actions={canWrite ? actions : undefined} />
      <SaleFormDrawer
        open={editing !== null}
        sale={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <SalesImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={changed}
        onShow={(importId) => {
          setImporting(false);
          setParams({ ...Object.fromEntries(PARAMS.map((k) => [k, null])), importId });
        }}
      />
    </>
  );
}
