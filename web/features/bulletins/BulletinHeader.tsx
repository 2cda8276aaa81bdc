import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BulletinDetail } from '../../../src/modules/bulletins/bulletins.contract.ts';
import { DraftCountTags } from './DraftTags.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

/** The imported document: file name, the year read and what it rests on, the issue date, who imported it, the items' states. */
export function BulletinHeader({ doc }: { doc: BulletinDetail }) {
  const t = useT();
  return (
    <>
      <Link to="/bulletins">{t('bulletin.backToList')}</Link>
      <Space orientation="vertical" size={4} style={{ width: '100%', margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="bulletin-file-name">
          {doc.fileName}
        </Typography.Title>
        <Space wrap size={[8, 4]}>
          <Tag color={doc.year ? 'blue' : 'default'} data-testid="bulletin-year" data-year={doc.year ?? ''}>
            {doc.year ? t('common.yearN', { year: doc.year }) : t('bulletin.yearUnknown')}
          </Tag>
          <Typography.Text type="secondary" data-testid="bulletin-year-basis">
            {t('bulletin.yearBasis', { basis: doc.yearBasis })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="bulletin-issued-on">
            {t('common.labelValue', { label: t('bulletin.issuedOn'), value: doc.issuedOn ?? t('common.none') })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('common.labelValue', { label: t('bulletin.importedBy'), value: `${doc.actorName} ${formatDateTime(doc.createdAt)}` })}
          </Typography.Text>
        </Space>
        <DraftCountTags counts={doc.counts} testId="bulletin-counts" />
      </Space>
    </>
  );
}
