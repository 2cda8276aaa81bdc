import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { Page } from '../../../src/platform/contract.ts';
import type { Dispatch } from '../../../src/modules/personnel/personnel.contract.ts';
import { DISPATCH_STATUS_COLORS, categoryLabel, dispatchStatusLabel, programmeLabel, teamLabel } from './personnel.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<Dispatch> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Opens a dispatch (the replaced or replacing one). */
  onOpen: (id: number) => void;
  /** Given only to users with personnel:write. */
  onEdit?: (d: Dispatch) => void;
  onStatus?: (d: Dispatch) => void;
  onDelete?: (d: Dispatch) => void;
}

export function DispatchesTable({ page, loading, onPage, onOpen, onEdit, onStatus, onDelete }: Props) {
  const t = useT();
  const rows = page?.items ?? [];
  const link = (testId: string, id: number, text: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} data-testid={testId} onClick={() => onOpen(id)}>
      {text}
    </Button>
  );
  return (
    <Table<Dispatch>
      data-testid="dispatch-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      onRow={(d) => rowWithTestId(`dispatch-row-${d.id}`, { 'data-status': d.status })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1700 }}
      columns={[
        { key: 'name', title: t('person.name'), width: 130, fixed: 'left', render: (_, d) => link(`dispatch-open-${d.id}`, d.id, d.personName) },
        { key: 'origin', title: t('person.origin'), width: 140, render: (_, d) => d.originName ?? '—' },
        { key: 'category', title: t('dispatch.category'), width: 180, render: (_, d) => <Space size={4} wrap>{categoryLabel(t, d.category)}{d.team ? <Tag color="purple">{teamLabel(t, d.team)}</Tag> : null}</Space> },
        { key: 'programme', title: t('dispatch.programme'), width: 150, render: (_, d) => [programmeLabel(t, d.programme), d.batch].filter(Boolean).join(' · ') },
        { key: 'host', title: t('dispatch.host'), width: 180, render: (_, d) => [d.hostOrgName, d.countyName].filter(Boolean).join(' · ') || d.countyCode },
        { key: 'post', title: t('dispatch.post'), width: 200, render: (_, d) => d.post ?? '—' },
        { key: 'term', title: t('dispatch.term'), width: 200, render: (_, d) => `${d.termStart} – ${d.actualEnd ?? d.termEnd}` },
        { key: 'status', title: t('dispatch.status'), width: 100, render: (_, d) => <Tag color={DISPATCH_STATUS_COLORS[d.status]} data-testid={`dispatch-status-${d.id}`} data-status={d.status}>{dispatchStatusLabel(t, d.status)}</Tag> },
        {
          key: 'replacement',
          title: t('dispatch.replacement'),
          width: 190,
          render: (_, d) => {
            const successors = rows.filter((r) => r.replacesId === d.id);
            return (
              <Space orientation="vertical" size={0}>
                {d.replacesId ? link(`dispatch-replaces-${d.id}`, d.replacesId, t('dispatch.replacesN', { id: d.replacesId })) : null}
                {successors.map((r) => link(`dispatch-replaced-by-${d.id}-${r.id}`, r.id, t('dispatch.replacedBy', { name: r.personName })))}
              </Space>
            );
          },
        },
        ...(onEdit && onStatus && onDelete
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 190,
                render: (_: unknown, d: Dispatch) => (
                  <Space size={0}>
                    <Button size="small" type="link" data-testid={`dispatch-edit-${d.id}`} onClick={() => onEdit(d)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" type="link" data-testid={`dispatch-change-status-${d.id}`} onClick={() => onStatus(d)}>
                      {t('dispatch.changeStatus')}
                    </Button>
                    <Popconfirm title={t('dispatch.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`dispatch-delete-confirm-${d.id}`, { danger: true })} onConfirm={() => onDelete(d)}>
                      <Button size="small" type="link" danger data-testid={`dispatch-delete-${d.id}`}>
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
