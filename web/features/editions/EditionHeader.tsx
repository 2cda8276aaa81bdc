import type { ReactNode } from 'react';
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Edition } from './editions.api.ts';
import { EditionStatusTag } from './EditionStatusTag.tsx';
import { PairingName } from '../pairings/PairingName.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

/** The masthead (title, 期号, status) and the edition's particulars: who publishes and edits it, the period, 版记, and who wrote, submitted and issued it. */
export function EditionHeader({ edition: e, actions }: { edition: Edition; actions: ReactNode }) {
  const t = useT();
  const none = t('common.none');
  const county = useRegion(e.countyCode).data;
  const dist = (['bao', 'song', 'fa'] as const).filter((k) => e.distribution[k].length);
  return (
    <>
      <Link to="/bulletin-editions">{t('edition.backToList')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0 16px' }} wrap align="start">
        <Space orientation="vertical" size={2}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="edition-title">
              {e.title}
            </Typography.Title>
            <EditionStatusTag status={e.status} testId="edition-status" />
            {e.supplement ? <Tag color="purple">{t('edition.supplement')}</Tag> : null}
          </Space>
          <Typography.Text style={{ fontSize: 16 }} data-testid="edition-number">
            {e.numberLabel}
          </Typography.Text>
        </Space>
        {actions}
      </Space>
      {e.status === 'draft' && e.returnReason ? (
        <Alert type="warning" showIcon data-testid="edition-returned" title={t('edition.returnedBecause', { reason: e.returnReason })} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="edition-details" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('edition.publisher')}>{e.publisherName}</Descriptions.Item>
        <Descriptions.Item label={t('edition.editor')}>{e.editor}</Descriptions.Item>
        <Descriptions.Item label={t('edition.issuedOn')}>{e.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('edition.period')}>{e.periodFrom || e.periodTo ? `${e.periodFrom ?? '…'} ~ ${e.periodTo ?? '…'}` : none}</Descriptions.Item>
        {e.pairingId ? (
          <Descriptions.Item label={t('edition.pairing')}>
            <PairingName id={e.pairingId} />
          </Descriptions.Item>
        ) : null}
        {e.countyCode ? <Descriptions.Item label={t('edition.county')}>{county?.code === e.countyCode ? county.fullName : e.countyCode}</Descriptions.Item> : null}
        <Descriptions.Item label={t('edition.withToc')}>{e.withToc ? t('edition.yes') : t('edition.no')}</Descriptions.Item>
        <Descriptions.Item label={t('edition.distribution')}>
          {dist.length ? dist.map((k) => <div key={k}>{t('common.labelValue', { label: t(`edition.distribution.${k}`), value: e.distribution[k].join('，') })}</div>) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('edition.copies')}>{e.copies ? t('edition.copiesN', { n: e.copies }) : none}</Descriptions.Item>
        {e.correctsLabel ? <Descriptions.Item label={t('edition.corrects')}>{e.correctsLabel}</Descriptions.Item> : null}
        <Descriptions.Item label={t('edition.createdBy')}>
          <span data-testid="edition-created-by">{`${e.createdBy} ${formatDateTime(e.createdAt)}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('edition.submittedBy')}>
          <span data-testid="edition-submitted-by">{e.submittedBy ?? none}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('edition.issuedBy')}>
          <span data-testid="edition-issued-by">{e.issuedBy ? `${e.issuedBy} ${formatDateTime(e.issuedAt)}` : none}</span>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
