import { useEffect } from 'react';
import { Button, Descriptions, Drawer, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { usePairing } from './pairings.api.ts';
import { AgreementsPanel } from './AgreementsPanel.tsx';
import { coverageCodeOf } from './PairingsTable.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { formatFenAsWan } from '../../ui/money.ts';
import { STATUS_COLORS, pairingStatusLabel, pairingTypeLabel } from '../../ui/enums.ts';
import type { Pairing } from '../../../src/modules/pairings/pairings.contract.ts';
import { useCan } from '../auth/session.tsx';
import { PairingActivities } from '../activities/PairingActivities.tsx';

interface Props {
  pairingId: number | null;
  onClose: () => void;
  onEdit: (pairing: Pairing) => void;
  /** Something changed (an agreement was added): the list should refresh its totals. */
  onChanged: () => void;
  /** Bumped by the page after the pairing was edited, so the drawer refetches it. */
  version?: number;
}

export function PairingDetailDrawer({ pairingId, onClose, onEdit, onChanged, version = 0 }: Props) {
  const t = useT();
  const pairing = usePairing(pairingId);
  const canWrite = useCan('pairing:write');
  const canSeeActivities = useCan('activity:read');
  const { reload } = pairing;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const p = pairing.data;
  const coverage = p ? coverageCodeOf(p.westOrg.regionCode) : null;

  return (
    <Drawer
      open={pairingId !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={t('pairing.detailTitle')}
      loading={pairing.loading && !p}
      extra={
        p ? (
          <Space>
            {coverage ? (
              <Link to={`/coverage/${coverage}`} data-testid="pairing-detail-coverage">
                <Button>{t('pairing.viewCoverage')}</Button>
              </Link>
            ) : null}
            {canWrite ? (
              <Button type="primary" data-testid="pairing-detail-edit" onClick={() => onEdit(p)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={pairing.error} onRetry={pairing.reload} />
      {p ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="pairing-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('pairing.type')}>{pairingTypeLabel(t, p.type)}</Descriptions.Item>
            <Descriptions.Item label={t('pairing.status')}>
              <Tag color={STATUS_COLORS[p.status]}>{pairingStatusLabel(t, p.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('pairing.eastOrg')}>
              <Link to={`/orgs/${p.eastOrg.id}`}>{p.eastOrg.name}</Link>
              {p.eastOrg.regionName ? ` · ${p.eastOrg.regionName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('pairing.westOrg')}>
              <Link to={`/orgs/${p.westOrg.id}`}>{p.westOrg.name}</Link>
              {p.westOrg.regionName ? ` · ${p.westOrg.regionName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('pairing.startDate')}>{p.startDate}</Descriptions.Item>
            <Descriptions.Item label={t('pairing.endDate')}>{p.endDate ?? t('pairing.open')}</Descriptions.Item>
            <Descriptions.Item label={t('pairing.pledgedTotal')}>
              <span data-testid="pairing-detail-pledged">{formatFenAsWan(p.pledgedFen, t('money.wan'))}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
            {p.note ? (
              <Descriptions.Item label={t('pairing.note')} span={2}>
                {p.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <AgreementsPanel
            pairingId={p.id}
            onChanged={() => {
              pairing.reload();
              onChanged();
            }}
          />
          {canSeeActivities ? <PairingActivities pairingId={p.id} /> : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
