import { useState } from 'react';
import { Alert, Badge, Button, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { CLAIM_DIRECTIONS, CLAIM_STATUS_CODES, CLAIM_WRITE, claimStatusLabel, useClaimList, useConfirmClaim, useIncomingCount, type Claim, type ClaimDirection } from './claims.api.ts';
import { ClaimsTable, claimColumns } from './ClaimsTable.tsx';
import { RefuseClaimModal } from './RefuseClaimModal.tsx';
import { useAccess } from '../auth/session.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT, type MessageKey } from '../../ui/i18n.tsx';
import { saveCsv } from '../../ui/csv.ts';
import { useRunWithMessage } from '../../ui/useDeleteRecord.ts';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['tab', 'status', 'page', 'pageSize'] as const;
const TAB_LABELS: Record<ClaimDirection, MessageKey> = { incoming: 'claim.tabIncoming', outgoing: 'claim.tabOutgoing' };

/**
 * 待确认计入 (认领): 待我确认 lists what other units credited to mine, pending, with 确认 / 拒绝 (a reason required);
 * 我方提交 lists what my units credited to others, with the decision, filtered by status. Tab, status and page in the URL.
 */
export function ClaimsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const tab = oneOf(params.tab, CLAIM_DIRECTIONS) ?? 'incoming';
  const status = tab === 'outgoing' ? oneOf(params.status, CLAIM_STATUS_CODES) : undefined;
  const list = useClaimList(tab);
  const incoming = useIncomingCount();
  const can = useAccess();
  const confirm = useConfirmClaim();
  const run = useRunWithMessage();
  const [refusing, setRefusing] = useState<Claim | null>(null);
  const all = list.data?.items ?? [];
  const rows = status ? all.filter((c) => c.status === status) : all;
  const count = (s: string) => all.filter((c) => c.status === s).length;
  const changed = () => {
    list.reload();
    incoming.reload();
  };
  const exportRows = () => {
    const columns = claimColumns(t);
    saveCsv(
      t('claim.exportFile', { tab: t(TAB_LABELS[tab]) }),
      columns.map((c) => c.title),
      rows.map((r) => columns.map((c) => (c.csv ?? c.text)(r))),
    );
  };
  const truncated = list.data && list.data.total > list.data.items.length ? list.data : null;

  const content = (
    <>
      {tab === 'outgoing' ? (
        <Space wrap style={{ marginBottom: 16 }} data-testid="claims-filters">
          <Select
            data-testid="claims-filter-status"
            virtual={false}
            placeholder={t('claim.filterStatus')}
            allowClear
            value={status}
            onChange={(next) => setParams({ status: next })}
            options={CLAIM_STATUS_CODES.map((code) => ({ value: code, label: t('claim.statusCount', { status: claimStatusLabel(t, code), n: count(code) }), 'data-testid': `claims-filter-status-option-${code}` }))}
            style={{ width: 150 }}
          />
        </Space>
      ) : null}
      {truncated ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('claim.truncated', { n: truncated.items.length, total: truncated.total })} /> : null}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ClaimsTable
        rows={rows}
        loading={list.loading}
        page={toInt(params.page) ?? 1}
        pageSize={toInt(params.pageSize) ?? 20}
        onPage={(page, pageSize) => setParams({ page, pageSize })}
        empty={t(tab === 'incoming' ? 'claim.emptyIncoming' : 'claim.emptyOutgoing')}
        actions={
          tab === 'incoming'
            ? {
                canDecide: (c) => can(CLAIM_WRITE[c.kind]),
                // Reloaded either way: a refusal such as 已确认…不能重复处理 means the row is stale.
                onConfirm: async (c) => {
                  await run(() => confirm.run(c), t('claim.confirmed', { title: c.title }));
                  changed();
                },
                onRefuse: setRefusing,
              }
            : undefined
        }
      />
    </>
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.claims')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} data-testid="claims-export" disabled={list.loading} onClick={exportRows}>
          {t('claim.export')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('claim.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next, status: null })}
        items={CLAIM_DIRECTIONS.map((d) => ({
          key: d,
          label:
            d === 'incoming' ? (
              <span data-testid="claims-tab-incoming" data-count={incoming.data ?? ''}>
                <Space size={6}>
                  {t(TAB_LABELS[d])}
                  <Badge count={incoming.data ?? 0} size="small" />
                </Space>
              </span>
            ) : (
              <span data-testid={`claims-tab-${d}`}>{t(TAB_LABELS[d])}</span>
            ),
          children: d === tab ? content : null,
        }))}
      />
      <RefuseClaimModal
        claim={refusing}
        onClose={() => setRefusing(null)}
        onDone={() => {
          setRefusing(null);
          changed();
        }}
      />
    </>
  );
}
