import { useEffect } from 'react';
import { Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Activity } from '../../../src/modules/activities/activities.contract.ts';
import { useActivity, useDeleteActivity } from './activities.api.ts';
import { ACTIVITY_TYPE_COLORS, activityTypeLabel, linkKindLabel } from './activityEnums.ts';
import { linkPath, periodText } from './ActivityTimeline.tsx';
import { useCan } from '../auth/session.tsx';
import { PairingName } from '../pairings/PairingName.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { SIDE_COLORS } from '../../ui/enums.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  id: number | null;
  onClose: () => void;
  onEdit: (a: Activity) => void;
  onDeleted: () => void;
  /** Bumped after an edit, so the drawer shows the saved version. */
  version?: number;
}

type LinkRow = Activity['links'][number];

/** One activity: the facts, the narrative, the photo file names and the linked records with their labels. */
export function ActivityDetailDrawer({ id, onClose, onEdit, onDeleted, version = 0 }: Props) {
  const t = useT();
  const q = useActivity(id);
  const a = q.data && q.data.id === id ? q.data : undefined;
  const { reload } = q;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const canWrite = useCan('activity:write');
  const remove = useDeleteActivity();
  const onDelete = useDeleteRecord<Activity>(remove.run, t('activity.deleted'), onDeleted);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={t('activity.detailTitle')}
      loading={q.loading && !a}
      extra={
        a && canWrite ? (
          <Space>
            <Popconfirm title={t('activity.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId('activity-detail-delete-confirm', { danger: true })} onConfirm={() => onDelete(a)}>
              <Button danger data-testid="activity-detail-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
            <Button type="primary" data-testid="activity-detail-edit" onClick={() => onEdit(a)}>
              {t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {a ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="activity-detail">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="activity-detail-title">
            {a.title}
          </Typography.Title>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('activity.type')}>
              <Tag color={ACTIVITY_TYPE_COLORS[a.type]}>{activityTypeLabel(t, a.type)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('activity.period')}>{periodText(a)}</Descriptions.Item>
            <Descriptions.Item label={t('activity.places')} span={2}>
              {a.places.map((p) => p.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('activity.pairing')} span={2}>{a.pairingId ? <PairingName id={a.pairingId} testId="activity-detail-pairing" /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('activity.leadOrg')}>{a.leadOrgId ? <Link to={`/orgs/${a.leadOrgId}`}>{a.leadOrgName}</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('activity.leader')}>{a.leader ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('activity.size')}>{a.delegationSize ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('activity.orgs')} span={2}>
              {a.orgs.length
                ? a.orgs.map((o) => (
                    <Tag key={o.id} color={SIDE_COLORS[o.side]}>
                      <Link to={`/orgs/${o.id}`}>{o.name}</Link>
                    </Tag>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('activity.photos')} span={2}>
              {a.photos.length ? a.photos.map((p) => <Tag key={p}>{p}</Tag>) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {a.narrative ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.narrative}</Typography.Paragraph> : null}
          <div>
            <Typography.Title level={5}>{t('activity.links')}</Typography.Title>
            <Table<LinkRow>
              data-testid="activity-detail-links"
              size="small"
              rowKey={(l) => `${l.kind}-${l.id}`}
              pagination={false}
              dataSource={a.links}
              locale={{ emptyText: t('activity.noLinks') }}
              onRow={(l) => rowWithTestId(`activity-detail-link-${l.kind}-${l.id}`)}
              columns={[
                { key: 'kind', title: t('activity.linkKind'), width: 90, render: (_, l) => linkKindLabel(t, l.kind) },
                { key: 'label', title: t('activity.linkLabel'), render: (_, l) => l.label },
                {
                  key: 'open',
                  title: '',
                  width: 90,
                  render: (_, l) => {
                    const to = linkPath(l.kind, l.id, a.pairingId);
                    return to ? <Link to={to} data-testid={`activity-detail-open-${l.kind}-${l.id}`}>{t('common.details')} →</Link> : null;
                  },
                },
              ]}
            />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
