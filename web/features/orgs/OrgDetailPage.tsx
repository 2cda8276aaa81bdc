import { useState } from 'react';
import { Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { Org } from '../../../src/modules/orgs/orgs.contract.ts';
import { useDeleteOrg, useOrg } from './orgs.api.ts';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';
import { OrgGraphCard } from './OrgGraphCard.tsx';
import { PairingFormDrawer } from '../pairings/PairingFormDrawer.tsx';
import { coverageCodeOf } from '../pairings/PairingsTable.tsx';
import { PageLoading } from '../../app/AppLayout.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { SIDE_COLORS, orgTypeLabel, sideLabel } from '../../ui/enums.ts';
import { toInt } from '../../ui/useUrlParams.ts';
import { buttonWithTestId } from '../../ui/testIds.ts';
import { useCan } from '../auth/session.tsx';

export function OrgDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = toInt(useParams().id) ?? null;
  const org = useOrg(id);
  const remove = useDeleteOrg();
  const onDelete = useDeleteRecord<Org>(remove.run, (o) => t('common.deleted', { name: o.name }), () => navigate('/orgs'));
  const [editing, setEditing] = useState(false);
  const [pairing, setPairing] = useState(false);
  const [graphYear, setGraphYear] = useState<number | undefined>(undefined);
  const [graphVersion, setGraphVersion] = useState(0);
  const canWriteOrg = useCan('org:write');
  const canWritePairing = useCan('pairing:write');

  if (org.error) return <ErrorAlert error={org.error} onRetry={org.reload} />;
  const o = org.data;
  if (!o || o.id !== id) return <PageLoading />;
  /** Coverage is about recipient areas: only a west-side organisation links to its county's coverage. */
  const coverage = o.side === 'west' ? coverageCodeOf(o.regionCode) : null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Link to="/orgs">{t('org.backToList')}</Link>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="org-detail-name">
            {o.name}
          </Typography.Title>
          <Tag color={SIDE_COLORS[o.side]}>{sideLabel(t, o.side)}</Tag>
          {o.isDemo ? <Tag color="orange">{t('common.demo')}</Tag> : null}
        </Space>
        <Space wrap>
          {canWritePairing ? (
            <Button type="primary" data-testid="org-detail-pair" onClick={() => setPairing(true)}>
              {t('org.newPairing')}
            </Button>
          ) : null}
          {canWriteOrg ? (
            <>
              <Button data-testid="org-detail-edit" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('org.deleteConfirm', { name: o.name })} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId('org-detail-delete-confirm', { danger: true })} onConfirm={() => onDelete(o)}>
                <Button danger data-testid="org-detail-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="org-detail">
        <Descriptions.Item label={t('org.type')}>{orgTypeLabel(t, o.type)}</Descriptions.Item>
        <Descriptions.Item label={t('org.region')}>
          {o.region ? (
            <Space>
              {o.region.fullName}
              {coverage ? (
                <Link to={`/coverage/${coverage}`} data-testid="org-detail-coverage">
                  {t('org.coverageOfRegion')}
                </Link>
              ) : null}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.parent')}>{o.parentId ? <Link to={`/orgs/${o.parentId}`}>{o.parentName ?? o.parentId}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.aliases')}>{o.aliases.length ? o.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.note')} span={2}>
          {o.note ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(o.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <OrgGraphCard orgId={o.id} year={graphYear} onYearChange={setGraphYear} version={graphVersion} />
      <OrgFormDrawer
        open={editing}
        org={o}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          org.reload();
          setGraphVersion((v) => v + 1);
        }}
      />
      <PairingFormDrawer
        open={pairing}
        pairing={null}
        defaults={o.side === 'east' ? { eastOrg: { id: o.id, name: o.name } } : { westOrg: { id: o.id, name: o.name } }}
        onClose={() => setPairing(false)}
        onSaved={() => {
          setPairing(false);
          setGraphVersion((v) => v + 1);
        }}
      />
    </Space>
  );
}
