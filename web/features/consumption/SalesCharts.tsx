import { Card, Col, Empty, Row } from 'antd';
import type { SalesSummary } from './sales.api.ts';
import { channelPieOption, monthBarOption } from './salesChartOptions.ts';
import { Chart } from '../../ui/charts.tsx';
import { useT } from '../../ui/i18n.tsx';

/** 按渠道 (pie) and 按月份 (bars of 万元, a line of counts), from GET /sales/summary with the page's filters. */
export function SalesCharts({ byChannel, byMonth }: { byChannel: SalesSummary | undefined; byMonth: SalesSummary | undefined }) {
  const t = useT();
  const chart = (s: SalesSummary | undefined, testId: string, option: (s: SalesSummary) => Record<string, unknown>) => (
    <Card size="small" data-testid={`${testId}-card`} data-rows={s?.rows.length ?? 0}>
      {s && s.rows.length ? <Chart testId={testId} option={option(s)} style={{ height: 320 }} /> : <Empty description={t('sales.noData')} style={{ height: 288, paddingTop: 80 }} />}
    </Card>
  );
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={10}>
        {chart(byChannel, 'sales-chart-channel', (s) => channelPieOption(s, t))}
      </Col>
      <Col xs={24} lg={14}>
        {chart(byMonth, 'sales-chart-month', (s) => monthBarOption(s, t))}
      </Col>
    </Row>
  );
}
