import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { Donation } from '../../../src/modules/donations/donations.contract.ts';
import { donationKindLabel } from './donations.api.ts';
import { ClaimStatusTag } from '../claims/ClaimStatusTag.tsx';
import { useT } from '../../ui/i18n.tsx';
import { fenToWanText } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<Donation> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (d: Donation) => void;
  /** Given only to users with activity:write. */
  onEdit?: (d: Donation) => void;
  onDelete?: (d: Donation) => void;
}

export function DonationsTable({ page, loading, onPage, onOpen, onEdit, onDelete }: Props) {
  const t = useT();
  return (
    <Table<Donation>
      data-testid="donation-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(d) => rowWithTestId(`donation-row-${d.id}`, { 'data-kind': d.kind })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1150 }}
      columns={[
        { key: 'date', title: t('donation.date'), width: 110, render: (_, d) => d.donatedOn },
        {
          key: 'donor',
          title: t('donation.donor'),
          render: (_, d) => (
            <Button type="link" size="small" style={{ padding: 0 }} data-testid={`donation-open-${d.id}`} onClick={() => onOpen(d)}>
              {d.donor}
            </Button>
          ),
        },
        {
          key: 'recipient',
          title: t('donation.recipient'),
          render: (_, d) => (
            <Space size={4} wrap>
              {d.recipient}
              <ClaimStatusTag status={d.claimStatus} note={d.claimNote} testId={`donation-claim-${d.id}`} hideConfirmed />
            </Space>
          ),
        },
        { key: 'kind', title: t('donation.kind'), width: 80, render: (_, d) => <Tag color={d.kind === 'cash' ? 'gold' : 'cyan'}>{donationKindLabel(t, d.kind)}</Tag> },
        {
          key: 'value',
          title: t('donation.valueWan'),
          align: 'right',
          render: (_, d) => (
            <span data-testid={`donation-value-${d.id}`} data-fen={d.valueFen}>
              {fenToWanText(d.valueFen)}
            </span>
          ),
        },
        { key: 'purpose', title: t('donation.purpose'), render: (_, d) => d.purpose ?? '—' },
        { key: 'owner', title: t('claim.owningOrg'), render: (_, d) => <span data-testid={`donation-owner-${d.id}`}>{d.owningOrgName ?? '—'}</span> },
        { key: 'pairing', title: t('donation.pairing'), width: 90, render: (_, d) => (d.pairingId ? <Link to={`/pairings?open=${d.pairingId}`}>#{d.pairingId}</Link> : '—') },
        ...(onEdit && onDelete
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 130,
                render: (_: unknown, d: Donation) => (
                  <Space size={0}>
                    <Button size="small" type="link" data-testid={`donation-edit-${d.id}`} onClick={() => onEdit(d)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('donation.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`donation-delete-confirm-${d.id}`, { danger: true })} onConfirm={() => onDelete(d)}>
                      <Button size="small" type="link" danger data-testid={`donation-delete-${d.id}`}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
