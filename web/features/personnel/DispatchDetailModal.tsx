import { Button, Descriptions, Modal, Tag } from 'antd';
import { DISPATCH_STATUS_COLORS, categoryLabel, dispatchStatusLabel, programmeLabel, teamLabel, useDispatch } from './personnel.api.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

/** One dispatch, as the API returns it for the caller's scope; the dispatch it replaces opens in its place. */
export function DispatchDetailModal({ id, onOpen, onClose }: { id: number | null; onOpen: (id: number) => void; onClose: () => void }) {
  const t = useT();
  const q = useDispatch(id);
  const d = q.data && q.data.id === id ? q.data : undefined;
  return (
    <Modal open={id !== null} onCancel={onClose} destroyOnHidden width={720} title={t('dispatch.detailTitle')} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {d ? (
        <Descriptions data-testid="dispatch-detail" column={2} size="small" bordered>
          <Descriptions.Item label={t('person.name')}>{d.personName}</Descriptions.Item>
          <Descriptions.Item label={t('person.origin')}>{d.originName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.category')}>
            {categoryLabel(t, d.category)} {d.team ? <Tag color="purple">{teamLabel(t, d.team)}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispatch.programme')}>{[programmeLabel(t, d.programme), d.batch].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.host')}>{[d.hostOrgName, d.countyName].filter(Boolean).join(' · ') || d.countyCode}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.post')}>{d.post ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.term')}>{`${d.termStart} – ${d.termEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.actualEnd')}>{d.actualEnd ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dispatch.status')}>
            <Tag color={DISPATCH_STATUS_COLORS[d.status]}>{dispatchStatusLabel(t, d.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('dispatch.replaces')}>
            {d.replacesId ? (
              <Button type="link" size="small" style={{ padding: 0 }} data-testid="dispatch-detail-replaces" onClick={() => onOpen(d.replacesId!)}>
                {t('dispatch.replacesN', { id: d.replacesId })}
              </Button>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          {d.note ? (
            <Descriptions.Item label={t('dispatch.note')} span={2}>
              {d.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Modal>
  );
}
