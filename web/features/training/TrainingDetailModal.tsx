import { Button, Descriptions, Modal, Tag } from 'antd';
import { Link } from 'react-router';
import type { Training } from '../../../src/modules/training/training.contract.ts';
import { targetGroupLabel, trainingKindLabel, useTraining } from './training.api.ts';
import { PairingName } from '../pairings/PairingName.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useOrgNames, useRegionNames } from '../../ui/useNames.ts';

/** One training (opened from its row or from an activity's link, ?open=ID). */
export function TrainingDetailModal({ id, onClose, onEdit }: { id: number | null; onClose: () => void; onEdit?: (x: Training) => void }) {
  const t = useT();
  const q = useTraining(id);
  const x = q.data && q.data.id === id ? q.data : undefined;
  const org = useOrgNames([x?.organiserOrgId]);
  const county = useRegionNames([x?.countyCode]);
  return (
    <Modal
      open={id !== null}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      title={t('training.detailTitle')}
      footer={[
        onEdit && x ? (
          <Button key="edit" data-testid="training-detail-edit" onClick={() => onEdit(x)}>
            {t('common.edit')}
          </Button>
        ) : null,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {x ? (
        <Descriptions data-testid="training-detail" column={2} size="small" bordered>
          <Descriptions.Item label={t('training.title')} span={2}>
            {x.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.kind')}>{trainingKindLabel(t, x.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('training.targetGroup')}>{targetGroupLabel(t, x.targetGroup)}</Descriptions.Item>
          <Descriptions.Item label={t('training.organiser')}>{x.organiserName ?? (x.organiserOrgId ? <Link to={`/orgs/${x.organiserOrgId}`}>{org.get(x.organiserOrgId) ?? `#${x.organiserOrgId}`}</Link> : '—')}</Descriptions.Item>
          <Descriptions.Item label={t('training.place')}>
            {x.placeName ?? '—'} {x.inShanghai ? <Tag color="blue">{t('training.inShanghai')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.dates')} span={2}>{`${x.startDate} – ${x.endDate}`}</Descriptions.Item>
          <Descriptions.Item label={t('training.batches')}>{x.batches}</Descriptions.Item>
          <Descriptions.Item label={t('training.participants')}>{x.participants}</Descriptions.Item>
          <Descriptions.Item label={t('training.personTimes')}>{x.personTimes}</Descriptions.Item>
          <Descriptions.Item label={t('training.county')}>{x.countyCode ? (county.get(x.countyCode) ?? x.countyCode) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('training.pairing')}>{x.pairingId ? <PairingName id={x.pairingId} /> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('training.activity')}>{x.activityId ? <Link to={`/activities?open=${x.activityId}`}>#{x.activityId}</Link> : '—'}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Modal>
  );
}
