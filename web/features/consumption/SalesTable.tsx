import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { Sale } from '../../../src/modules/sales/sales.contract.ts';
import { DUP_STATUS_COLORS, buyerTypeLabel, categoryLabel, channelLabel, dupStatusLabel } from './consumptionEnums.ts';
import { ClaimStatusTag } from '../claims/ClaimStatusTag.tsx';
import { useT } from '../../ui/i18n.tsx';
import { fenToYuanText } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

/** What a user with consumption:write may do with a row. */
export interface SaleRowActions {
  onEdit: (s: Sale) => void;
  onDelete: (s: Sale) => void;
  /** 确认重复 / 不是重复 on a flagged sale. */
  onDecide: (s: Sale, decision: 'duplicate' | 'distinct') => void;
  /** The sale whose decision is being sent. */
  deciding: number | null;
}

interface Props {
  page: Page<Sale> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  actions?: SaleRowActions;
}

export function SalesTable({ page, loading, onPage, actions }: Props) {
  const t = useT();
  const columns: TableColumnsType<Sale> = [
    { key: 'date', title: t('sale.soldOn'), width: 120, render: (_, s) => (s.periodEnd ? t('product.periodValue', { from: s.soldOn, to: s.periodEnd }) : s.soldOn) },
    {
      key: 'product',
      title: t('sale.product'),
      render: (_, s) => (
        <Space size={4} wrap>
          {s.productId ? <Link to={`/certification/${s.productId}`}>{s.productName ?? `#${s.productId}`}</Link> : categoryLabel(t, s.category)}
          {s.certified ? <Tag color="green">{t('sale.certified')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'supplier', title: t('product.supplier'), render: (_, s) => s.supplier },
    { key: 'channel', title: t('sale.channel'), render: (_, s) => channelLabel(t, s.channel) },
    {
      key: 'amount',
      title: t('sale.amountYuan'),
      align: 'right',
      width: 130,
      render: (_, s) => (
        <span data-testid={`sale-amount-${s.id}`} data-fen={s.amountFen}>
          {fenToYuanText(s.amountFen)}
        </span>
      ),
    },
    {
      key: 'dup',
      title: t('sale.dupStatus'),
      width: 150,
      render: (_, s) => (
        <Tag color={DUP_STATUS_COLORS[s.dupStatus]} data-testid={`sale-dup-${s.id}`} data-status={s.dupStatus}>
          {dupStatusLabel(t, s.dupStatus)}
        </Tag>
      ),
    },
    { key: 'county', title: t('product.county'), render: (_, s) => s.countyName ?? s.countyCode },
    { key: 'buyer', title: t('sale.buyerType'), render: (_, s) => buyerTypeLabel(t, s.buyerType) },
    {
      key: 'credited',
      title: t('sale.credited'),
      render: (_, s) => (
        <Space size={4} wrap>
          {s.credited}
          <ClaimStatusTag status={s.claimStatus} note={s.claimNote} testId={`sale-claim-${s.id}`} hideConfirmed />
        </Space>
      ),
    },
    { key: 'owner', title: t('claim.owningOrg'), render: (_, s) => <span data-testid={`sale-owner-${s.id}`}>{s.owningOrgName ?? '—'}</span> },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 270,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0} wrap>
          {s.dupStatus === 'flagged' ? (
            <>
              <Button size="small" type="link" danger data-testid={`sale-confirm-dup-${s.id}`} loading={actions.deciding === s.id} onClick={() => actions.onDecide(s, 'duplicate')}>
                {t('sale.confirmDuplicate')}
              </Button>
              <Button size="small" type="link" data-testid={`sale-not-dup-${s.id}`} loading={actions.deciding === s.id} onClick={() => actions.onDecide(s, 'distinct')}>
                {t('sale.notDuplicate')}
              </Button>
            </>
          ) : null}
          <Button size="small" type="link" data-testid={`sale-edit-${s.id}`} onClick={() => actions.onEdit(s)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('sale.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`sale-delete-confirm-${s.id}`, { danger: true })} onConfirm={() => actions.onDelete(s)}>
            <Button size="small" type="link" danger data-testid={`sale-delete-${s.id}`}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<Sale>
      data-testid="sales-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(s) => rowWithTestId(`sale-row-${s.id}`, { 'data-dup-status': s.dupStatus })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1600 }}
      columns={columns}
    />
  );
}
