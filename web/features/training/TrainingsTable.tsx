import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { Page } from '../../../src/platform/contract.ts';
import type { Training } from '../../../src/modules/training/training.contract.ts';
import { targetGroupLabel, trainingKindLabel } from './training.api.ts';
import { ClaimStatusTag } from '../claims/ClaimStatusTag.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<Training> | undefined;
  loading: boolean;
  /** Organiser and county names (the API returns their ids). */
  orgNames: Map<number, string>;
  regionNames: Map<string, string>;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (x: Training) => void;
  onEdit?: (x: Training) => void;
  onDelete?: (x: Training) => void;
}

export function TrainingsTable({ page, loading, orgNames, regionNames, onPage, onOpen, onEdit, onDelete }: Props) {
  const t = useT();
  return (
    <Table<Training>
      data-testid="training-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(x) => rowWithTestId(`training-row-${x.id}`)}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1600 }}
      columns={[
        {
          key: 'title',
          title: t('training.title'),
          width: 280,
          render: (_, x) => (
            <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} data-testid={`training-open-${x.id}`} onClick={() => onOpen(x)}>
              {x.title}
            </Button>
          ),
        },
        { key: 'kind', title: t('training.kind'), width: 100, render: (_, x) => trainingKindLabel(t, x.kind) },
        { key: 'organiser', title: t('training.organiser'), render: (_, x) => x.organiserName ?? (x.organiserOrgId ? (orgNames.get(x.organiserOrgId) ?? `#${x.organiserOrgId}`) : '—') },
        {
          key: 'place',
          title: t('training.place'),
          width: 150,
          render: (_, x) => (
            <Space size={4}>
              {x.placeName ?? '—'}
              {x.inShanghai ? <Tag color="blue">{t('training.inShanghai')}</Tag> : null}
            </Space>
          ),
        },
        { key: 'dates', title: t('training.dates'), width: 200, render: (_, x) => `${x.startDate} – ${x.endDate}` },
        { key: 'target', title: t('training.targetGroup'), width: 120, render: (_, x) => targetGroupLabel(t, x.targetGroup) },
        { key: 'batches', title: t('training.batches'), width: 80, align: 'right', render: (_, x) => x.batches },
        { key: 'participants', title: t('training.participants'), width: 80, align: 'right', render: (_, x) => x.participants },
        { key: 'personTimes', title: t('training.personTimes'), width: 80, align: 'right', render: (_, x) => <span data-testid={`training-person-times-${x.id}`}>{x.personTimes}</span> },
        {
          key: 'county',
          title: t('training.county'),
          width: 150,
          render: (_, x) => (
            <Space size={4} wrap>
              {x.countyCode ? (regionNames.get(x.countyCode) ?? x.countyCode) : '—'}
              <ClaimStatusTag status={x.claimStatus} note={x.claimNote} testId={`training-claim-${x.id}`} hideConfirmed />
            </Space>
          ),
        },
        { key: 'owner', title: t('claim.owningOrg'), width: 170, render: (_, x) => <span data-testid={`training-owner-${x.id}`}>{x.owningOrgName ?? '—'}</span> },
        ...(onEdit && onDelete
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 130,
                render: (_: unknown, x: Training) => (
                  <Space size={0}>
                    <Button size="small" type="link" data-testid={`training-edit-${x.id}`} onClick={() => onEdit(x)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('training.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`training-delete-confirm-${x.id}`, { danger: true })} onConfirm={() => onDelete(x)}>
                      <Button size="small" type="link" danger data-testid={`training-delete-${x.id}`}>
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
