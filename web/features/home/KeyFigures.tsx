import { Card, Col, Row, Space, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { IndicatorReport, IndicatorValue } from '../indicators/indicators.api.ts';
import { formatFigure, formatFigurePct, formatYoy, unitLabel, useApiName, yoyColor } from '../indicators/indicatorFormat.ts';
import { evidenceLink, type PeriodParams, type ScopeParams } from '../indicators/indicatorScope.ts';
import { useT } from '../../ui/i18n.tsx';

/** The figures on the first screen, in this order (the rest are on 考核指标). */
export const KEY_FIGURES = [
  'fund_allocated',
  'fund_spend_rate',
  'projects',
  'project_start_rate',
  'cadres_on_post',
  'professionals_on_post',
  'training_person_times_east',
  'training_person_times_west',
  'labor_placed',
  'donation_cash',
  'sales',
  'enterprises',
  'investment_signed',
  'coverage_townships',
  'coverage_villages',
  'coverage_deep_poverty_villages',
  'visits',
  'agreements',
] as const;

function Figure({ item, onOpen }: { item: IndicatorValue; onOpen: () => void }) {
  const t = useT();
  const nameOf = useApiName();
  const name = nameOf('indicatorName', item.code, item.name);
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`home-figure-${item.code}`}
      data-value={item.value ?? ''}
      data-raw={item.raw ?? ''}
      style={{ height: '100%', cursor: 'pointer' }}
      styles={{ body: { padding: 12 } }}
    >
      <Tooltip title={name}>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
          {name}
        </Typography.Text>
      </Tooltip>
      <div style={{ margin: '4px 0', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <span style={{ fontSize: 22, fontWeight: 600 }} data-testid={`home-figure-value-${item.code}`}>
          {formatFigure(item.value, item.unit, item.raw)}
        </span>
        {item.value === null ? null : <span style={{ marginInlineStart: 4, color: 'rgba(0,0,0,0.55)' }}>{item.unit === '%' ? '%' : unitLabel(t, item.unit)}</span>}
      </div>
      <Space size={8} style={{ fontSize: 12 }} wrap>
        <span data-testid={`home-figure-yoy-${item.code}`} style={{ color: yoyColor(item.yoy) }}>
          {t('dash.yoyShort', { v: formatYoy(t, item.yoy, item.yoyKind) })}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.previousShort', { v: formatFigurePct(item.previous, item.unit) })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** The key figures of the scope and year, each with 同比 and leading to the records behind it. */
export function KeyFigures({ report, loading, scope, period }: { report: IndicatorReport | undefined; loading: boolean; scope: ScopeParams; period: PeriodParams }) {
  const navigate = useNavigate();
  const byCode = new Map((report?.items ?? []).map((x) => [x.code, x]));
  const items = KEY_FIGURES.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
  if (!report) return <Card size="small" loading={loading} />;
  return (
    <Row gutter={[12, 12]} data-testid="home-figures">
      {items.map((item) => (
        <Col key={item.code} xs={12} md={8} lg={6} xl={4}>
          <Figure item={item} onOpen={() => navigate(evidenceLink(item.code, scope, period))} />
        </Col>
      ))}
    </Row>
  );
}
