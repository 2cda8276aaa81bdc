import { Card, Col, Row, Statistic, Table } from 'antd';
import type { PersonnelSummary } from '../../../src/modules/personnel/personnel.contract.ts';
import { CATEGORY_CODES, TEAM_CODES, categoryLabel, teamLabel, usePersonnelSummary } from './personnel.api.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

type CountyRow = PersonnelSummary['counties'][number];

/** People on post during the year (GET /personnel/summary): in all, by category, 组团式 teams, and per county. */
export function PersonnelSummaryCard({ year, county }: { year: number; county?: string }) {
  const t = useT();
  const q = usePersonnelSummary(year, county);
  const s = q.data;
  return (
    <Card size="small" title={t('personnel.summaryTitle', { year })} data-testid="personnel-summary" loading={q.loading && !s} style={{ marginBottom: 16 }}>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {s ? (
        <>
          <Row gutter={16}>
            <Col xs={12} sm={6} md={3}>
              <Statistic title={t('personnel.total')} value={s.total.total} valueRender={(n) => <span data-testid="personnel-summary-total" data-value={s.total.total}>{n}</span>} />
            </Col>
            {CATEGORY_CODES.map((c) => (
              <Col key={c} xs={12} sm={6} md={3}>
                <Statistic title={categoryLabel(t, c)} value={s.total.byCategory[c]} valueRender={(n) => <span data-testid={`personnel-summary-${c}`} data-value={s.total.byCategory[c]}>{n}</span>} />
              </Col>
            ))}
            {TEAM_CODES.map((c) => (
              <Col key={c} xs={12} sm={6} md={3}>
                <Statistic title={teamLabel(t, c)} value={s.total.teams[c]} valueRender={(n) => <span data-testid={`personnel-summary-team-${c}`} data-value={s.total.teams[c]}>{n}</span>} />
              </Col>
            ))}
          </Row>
          {s.counties.length > 1 ? (
            <Table<CountyRow>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="countyCode"
              pagination={false}
              dataSource={s.counties}
              onRow={(r) => rowWithTestId(`personnel-summary-county-${r.countyCode}`)}
              columns={[
                { key: 'county', title: t('personnel.county'), render: (_, r) => r.countyName ?? r.countyCode },
                ...CATEGORY_CODES.map((c) => ({ key: c, title: categoryLabel(t, c), align: 'right' as const, render: (_: unknown, r: CountyRow) => r.byCategory[c] })),
                { key: 'total', title: t('personnel.total'), align: 'right', render: (_, r) => r.total },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
