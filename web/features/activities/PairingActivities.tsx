import { Card, Col, Row, Space, Spin, Statistic, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useActivityList } from './activities.api.ts';
import { ActivityTimeline } from './ActivityTimeline.tsx';
import { useDonationTotals } from '../donations/donations.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fenToWanText } from '../../ui/money.ts';

const TIMELINE_SIZE = 20;

/** The pairing's donations (cash and goods apart, from GET /donations/totals?by=pairing) and its 工作动态 timeline (GET /activities?pairing=). */
export function PairingActivities({ pairingId }: { pairingId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const timeline = useActivityList({ pairing: pairingId, pageSize: TIMELINE_SIZE, order: 'desc' });
  const totals = useDonationTotals('pairing');
  const row = totals.data?.find((r) => r.key === String(pairingId));
  const cash = row?.cashFen ?? 0;
  const goods = row?.goodsFen ?? 0;
  const stat = (testId: string, title: string, value: string, attrs: Record<string, number>, suffix?: string) => (
    <Col span={8}>
      <Card size="small" loading={totals.loading && !totals.data}>
        <Statistic title={title} value={value} suffix={suffix} valueRender={(node) => <span data-testid={testId} {...attrs}>{node}</span>} />
      </Card>
    </Col>
  );

  return (
    <div data-testid="pairing-activities">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('pairingTimeline.donations')}
        </Typography.Title>
        <Link to={`/donations?pairing=${pairingId}`} data-testid="pairing-donations-link">
          {t('pairingTimeline.allDonations')}
        </Link>
      </Space>
      <ErrorAlert error={totals.error} onRetry={totals.reload} />
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {stat('pairing-donation-cash', t('donation.totalCash'), fenToWanText(cash), { 'data-fen': cash }, t('money.wan'))}
        {stat('pairing-donation-goods', t('donation.totalGoods'), fenToWanText(goods), { 'data-fen': goods }, t('money.wan'))}
        {stat('pairing-donation-count', t('donation.totalCount'), String(row?.count ?? 0), { 'data-count': row?.count ?? 0 })}
      </Row>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('pairingTimeline.title')}
        </Typography.Title>
        <Link to={`/activities?pairing=${pairingId}`} data-testid="pairing-timeline-all">
          {timeline.data && timeline.data.total > TIMELINE_SIZE ? t('pairingTimeline.allN', { n: timeline.data.total }) : t('pairingTimeline.all')}
        </Link>
      </Space>
      <ErrorAlert error={timeline.error} onRetry={timeline.reload} />
      <Spin spinning={timeline.loading}>
        <div data-testid="pairing-timeline" data-count={timeline.data?.total ?? 0}>
          {timeline.data ? <ActivityTimeline activities={timeline.data.items} testId="pairing-timeline" itemTestId="pairing-timeline-item" onOpen={(a) => navigate(`/activities?open=${a.id}`)} /> : null}
        </div>
      </Spin>
    </div>
  );
}
