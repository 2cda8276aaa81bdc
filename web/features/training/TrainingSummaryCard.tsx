import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTrainingSummary, targetGroupLabel } from './training.api.ts';
import { useT, type Translate } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';

/** 同比增长 x% / 同比下降 x% / 上年无数据 — the API computes the percentage; this only words it. */
export function changeText(t: Translate, pct: number | null): string {
  if (pct === null) return t('training.noPrevious');
  return pct >= 0 ? t('training.yoyUp', { pct }) : t('training.yoyDown', { pct: Math.abs(pct) });
}

/** The year's 批次 and 人次 beside the year before, as bulletins state them (GET /trainings/summary). */
export function TrainingSummaryCard({ year, county }: { year: number; county?: string }) {
  const t = useT();
  const q = useTrainingSummary(year, county);
  const s = q.data;
  const figure = (testId: string, title: string, value: number, previous: number, pct: number | null) => (
    <Col xs={24} sm={12}>
      <Statistic title={title} value={value} valueRender={(node) => <span data-testid={testId} data-value={value}>{node}</span>} />
      <Typography.Text type={pct === null ? 'secondary' : pct >= 0 ? 'success' : 'danger'} data-testid={`${testId}-change`} data-pct={pct ?? ''}>
        {changeText(t, pct)}
      </Typography.Text>
      <Typography.Text type="secondary"> · {t('training.previousYear', { year: year - 1, n: previous })}</Typography.Text>
    </Col>
  );
  return (
    <Card size="small" title={t('training.summaryTitle', { year })} style={{ marginBottom: 16 }} data-testid="training-summary" loading={q.loading && !s}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {s ? (
        <>
          <Row gutter={16}>
            {figure('training-summary-batches', t('training.batches'), s.batches, s.previous.batches, s.batchesChangePct)}
            {figure('training-summary-person-times', t('training.personTimes'), s.personTimes, s.previous.personTimes, s.personTimesChangePct)}
          </Row>
          {s.byTargetGroup.length ? (
            <Space size={[4, 4]} wrap style={{ marginTop: 12 }}>
              {s.byTargetGroup.map((g) => (
                <Tag key={g.targetGroup} data-testid={`training-summary-group-${g.targetGroup}`}>
                  {t('training.groupFigure', { group: targetGroupLabel(t, g.targetGroup), batches: g.batches, personTimes: g.personTimes })}
                </Tag>
              ))}
            </Space>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
