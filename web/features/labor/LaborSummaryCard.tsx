import { Card, Col, Row, Statistic, Typography } from 'antd';
import { DESTINATION_CODES, destinationLabel, useLaborSummary } from './labor.api.ts';
import { formatRate } from './retentionKind.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';

/** The year's totals for the county (or the whole scope) as GET /labor/summary computes them. */
export function LaborSummaryCard({ year, county }: { year: number; county?: string }) {
  const t = useT();
  const q = useLaborSummary(year, county);
  const s = q.data?.total;
  const stat = (testId: string, title: string, value: number | string, sub?: string) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={value} valueRender={(n) => <span data-testid={testId} data-value={value}>{n}</span>} />
      {sub ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sub}</Typography.Text> : null}
    </Col>
  );
  return (
    <Card size="small" title={t('labor.summaryTitle', { year })} data-testid="labor-summary" loading={q.loading && !s} style={{ marginBottom: 16 }}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {s ? (
        <>
          <Row gutter={16}>
            {stat('labor-summary-poor', t('labor.poorCount'), s.placements.total.poor, t('labor.monitoredN', { n: s.placements.total.monitored }))}
            {stat('labor-summary-fairs', t('labor.fairs'), s.fairs.count, t('labor.fairFigures', { jobs: s.fairs.jobsOffered, placed: s.fairs.placed }))}
            {stat('labor-summary-retention', t('labor.rate'), formatRate(s.retention.rate), t('labor.retentionFigures', { employed: s.retention.employedAfter6m, placed: s.retention.placed }))}
            {stat('labor-summary-workstations', t('labor.workstations'), s.workstations)}
          </Row>
          <Row gutter={16} style={{ marginTop: 12 }}>
            {DESTINATION_CODES.map((d) => (
              <Col key={d} xs={24} md={8}>
                <Typography.Text data-testid={`labor-summary-dest-${d}`} data-poor={s.placements.byDestination[d].poor} data-monitored={s.placements.byDestination[d].monitored}>
                  {t('labor.destinationFigure', { destination: destinationLabel(t, d), poor: s.placements.byDestination[d].poor, monitored: s.placements.byDestination[d].monitored })}
                </Typography.Text>
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </Card>
  );
}
