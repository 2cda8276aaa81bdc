import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Agreement } from '../../../src/modules/pairings/pairings.contract.ts';
import { useAgreements, useDeleteAgreement } from './pairings.api.ts';
import { AgreementFormModal } from './AgreementFormModal.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { formatFenAsWan } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';
import { useCan } from '../auth/session.tsx';

/** The agreements (协议) of one pairing; `onChanged` lets the pairing refresh its pledged total. */
export function AgreementsPanel({ pairingId, onChanged }: { pairingId: number; onChanged: () => void }) {
  const t = useT();
  const list = useAgreements(pairingId);
  const remove = useDeleteAgreement();
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const canWrite = useCan('pairing:write');
  const total = (list.data ?? []).reduce((sum, a) => sum + a.pledgedFen, 0);

  const onDelete = useDeleteRecord<Agreement>(remove.run, t('agreement.deleted'), () => {
    list.reload();
    onChanged();
  });

  const actionsColumn: TableColumnType<Agreement> = {
    key: 'actions',
    title: t('common.actions'),
    render: (_, a) => (
      <Space size={0}>
        <Button size="small" type="link" data-testid={`agreement-edit-${a.id}`} onClick={() => setEditing(a)}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('agreement.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`agreement-delete-confirm-${a.id}`, { danger: true })} onConfirm={() => onDelete(a)}>
          <Button size="small" type="link" danger data-testid={`agreement-delete-${a.id}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <div data-testid="agreements-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('agreement.heading')}
        </Typography.Title>
        {canWrite ? (
          <Button size="small" icon={<PlusOutlined />} data-testid="agreement-create" onClick={() => setEditing('new')}>
            {t('agreement.create')}
          </Button>
        ) : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Agreement>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(a) => rowWithTestId(`agreement-row-${a.id}`)}
        columns={[
          { key: 'year', title: t('agreement.year'), dataIndex: 'year', width: 70 },
          { key: 'title', title: t('agreement.title'), render: (_, a) => a.title ?? '—' },
          { key: 'signedOn', title: t('agreement.signedOn'), render: (_, a) => a.signedOn ?? '—' },
          { key: 'pledged', title: t('agreement.pledged'), align: 'right', render: (_, a) => <span data-testid={`agreement-pledged-${a.id}`}>{formatFenAsWan(a.pledgedFen, t('money.wan'))}</span> },
          { key: 'documentNo', title: t('agreement.documentNo'), render: (_, a) => a.documentNo ?? '—' },
          ...(canWrite ? [actionsColumn] : []),
        ]}
        summary={() =>
          list.data && list.data.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('agreement.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <span data-testid="agreement-total">{formatFenAsWan(total, t('money.wan'))}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={canWrite ? 2 : 1} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <AgreementFormModal
        pairingId={pairingId}
        open={editing !== null}
        agreement={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
          onChanged();
        }}
      />
    </div>
  );
}
