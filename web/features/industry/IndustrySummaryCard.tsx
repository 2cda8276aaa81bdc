import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useIndustrySummary } from './industry.api.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fenToWanText } from '../../ui/money.ts';
import { useT } from '../../ui/i18n.tsx';

/** The year's totals for the county (or the whole scope) as GET /industry/summary computes them; each tab lists the records behind a figure. */
export function IndustrySummaryCard({ year, county }: { year: number; county?: string }) {
  const t = useT();
  const q = useIndustrySummary(year, county);
  const s = q.data?.total;
  const stat = (testId: string, title: string, value: number | string, raw: number, sub?: string) => (
    <Col xs={12} md={8} xl={{ flex: '20%' }}>
      <Statistic title={title} value={value} valueRender={(n) => <span data-testid={testId} data-value={raw}>{n}</span>} />
      {sub ? <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-sub`}>{sub}</Typography.Text> : null}
    </Col>
  );
  return (
    <Card size="small" title={t('industry.summaryTitle', { year })} data-testid="industry-summary" loading={q.loading && !s} style={{ marginBottom: 16 }}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {s ? (
        <Row gutter={[16, 12]}>
          {stat('industry-summary-enterprises', t('industry.enterprisesIntroduced'), s.enterprises.count, s.enterprises.count, t('industry.jobsFigure', { jobs: s.enterprises.jobs, poor: s.enterprises.poorEmployed, monitored: s.enterprises.monitoredEmployed }))}
          {stat('industry-summary-signed', t('industry.signedTotal'), fenToWanText(s.enterprises.signedFen), s.enterprises.signedFen, t('industry.actualFigure', { actual: fenToWanText(s.enterprises.actualFen) }))}
          {stat('industry-summary-parks', t('industry.parksCount'), s.parks.count, s.parks.count, t('industry.parkFigure', { area: s.parks.areaMu, enterprises: s.parks.enterprises }))}
          {stat('industry-summary-workshops', t('industry.workshopsCount'), s.workshops.count, s.workshops.count, t('industry.workshopFigure', { employees: s.workshops.employees, poor: s.workshops.poorEmployed }))}
          {stat('industry-summary-farming', t('industry.farmingMu'), s.farming.acreageMu, s.farming.acreageMu, t('industry.farmingFigure', { count: s.farming.count, households: s.farming.households, value: fenToWanText(s.farming.contractFen) }))}
        </Row>
      ) : null}
    </Card>
  );
}
