import { Card, Col, Progress, Row, Statistic } from 'antd';
import type { Coverage } from '../../../src/modules/pairings/pairings.contract.ts';
import { useT } from '../../ui/i18n.tsx';

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function TotalCard({ title, paired, total, testId }: { title: string; paired: number; total: number; testId: string }) {
  const t = useT();
  return (
    <Card size="small" data-testid={testId}>
      <Statistic
        title={title}
        value={paired}
        formatter={(value) => <span data-testid={`${testId}-paired`}>{value}</span>}
        suffix={<>/ <span data-testid={`${testId}-total`}>{total}</span></>}
      />
      <Progress percent={percent(paired, total)} size="small" format={(p) => t('coverage.percent', { p: p ?? 0 })} />
    </Card>
  );
}

/**
 * Paired / total townships and villages (the API's totals), and — for a prefecture, whose units
 * are counties — paired / total counties counted from the units.
 */
export function CoverageTotals({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const { totals, units } = coverage;
  const unitsAreCounties = units.length > 0 && units[0].level === 3;
  return (
    <Row gutter={[16, 16]} data-testid="coverage-totals">
      {unitsAreCounties ? (
        <Col xs={24} md={8}>
          <TotalCard title={t('coverage.pairedUnits', { unit: t('coverage.unitNoun.3') })} paired={units.filter((u) => u.paired).length} total={units.length} testId="coverage-counties" />
        </Col>
      ) : null}
      <Col xs={24} md={unitsAreCounties ? 8 : 12}>
        <TotalCard title={t('coverage.pairedUnits', { unit: t('coverage.unitNoun.4') })} paired={totals.pairedTownships} total={totals.townships} testId="coverage-townships" />
      </Col>
      <Col xs={24} md={unitsAreCounties ? 8 : 12}>
        <TotalCard title={t('coverage.pairedUnits', { unit: t('coverage.unitNoun.5') })} paired={totals.pairedVillages} total={totals.villages} testId="coverage-villages" />
      </Col>
    </Row>
  );
}
