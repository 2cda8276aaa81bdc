import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { FundTransaction } from '../../../src/modules/funds/funds.contract.ts';
import { useCosign } from './projects.api.ts';
import { fundKindLabel } from './projectEnums.ts';
import { useCan, useMe } from '../auth/session.tsx';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n.tsx';
import { errorText, useErrorReporter } from '../../ui/errors.tsx';
import { SIDE_COLORS, sideLabel } from '../../ui/enums.ts';
import { formatFenAsWan } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

/** The transactions of a project; a pending 拨付 offers 会签 to holders of fund:cosign who have not signed it yet. */
export function FundsTable({ rows, loading, onChanged }: { rows: FundTransaction[]; loading: boolean; onChanged: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const me = useMe();
  const canCosign = useCan('fund:cosign');
  const cosign = useCosign();
  const wan = (fen: number) => formatFenAsWan(fen, t('money.wan'));

  const sign = async (tx: FundTransaction) => {
    try {
      const after = await cosign.run(tx.id);
      message.success(after.status === 'effective' ? t('fund.cosignComplete') : t('fund.cosigned'));
      onChanged();
    } catch (err) {
      // 409: a second signature by the same person or the same side — say so plainly, not as a passing toast.
      if (err instanceof ApiError && err.status === 409) modal.warning({ title: t('fund.cosignRefused'), content: <span data-testid="fund-cosign-refused">{errorText(t, err)}</span> });
      else report(err);
      onChanged();
    }
  };

  return (
    <Table<FundTransaction>
      data-testid="fund-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('fund.empty') }}
      onRow={(tx) => rowWithTestId(`fund-row-${tx.id}`, { 'data-kind': tx.kind })}
      scroll={{ x: 900 }}
      columns={[
        { key: 'onDate', title: t('fund.onDate'), width: 110, render: (_, tx) => tx.onDate },
        { key: 'kind', title: t('fund.kind'), render: (_, tx) => fundKindLabel(t, tx.kind) },
        { key: 'amount', title: t('fund.amount'), align: 'right', render: (_, tx) => <span data-testid={`fund-amount-${tx.id}`}>{wan(tx.amountFen)}</span> },
        { key: 'documentNo', title: t('fund.documentNo'), render: (_, tx) => tx.documentNo ?? '—' },
        {
          key: 'status',
          title: t('fund.status'),
          render: (_, tx) => (
            <Tag color={tx.status === 'pending' ? 'warning' : 'success'} data-testid={`fund-status-${tx.id}`} data-status={tx.status}>
              {t(tx.status === 'pending' ? 'fund.status.pending' : 'fund.status.effective')}
            </Tag>
          ),
        },
        {
          key: 'signatures',
          title: t('fund.signatures'),
          render: (_, tx) => (
            <Space size={4} wrap data-testid={`fund-signatures-${tx.id}`}>
              {tx.signatures.map((s) => (
                <Tag key={s.userId} color={SIDE_COLORS[s.side]} data-side={s.side} title={s.signedAt}>
                  {t('common.labelValue', { label: sideLabel(t, s.side), value: s.displayName })}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'actions',
          title: '',
          render: (_, tx) =>
            canCosign && tx.kind === 'disburse' && tx.status === 'pending' && !tx.signatures.some((s) => s.userId === me.user.id) ? (
              <Popconfirm
                title={t('fund.cosignConfirm', { amount: wan(tx.amountFen) })}
                okText={t('fund.cosign')}
                cancelText={t('common.cancel')}
                okButtonProps={buttonWithTestId(`fund-cosign-confirm-${tx.id}`)}
                onConfirm={() => sign(tx)}
              >
                <Button size="small" type="primary" loading={cosign.loading} data-testid={`fund-cosign-${tx.id}`}>
                  {t('fund.cosign')}
                </Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  );
}
