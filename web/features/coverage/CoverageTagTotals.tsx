import { Card, Col, Progress, Row, Statistic } from 'antd';
import type { Coverage } from '../../../src/modules/pairings/pairings.contract.ts';
import { placeTagLabel } from '../placetags/placetags.api.ts';
import { useT } from '../../ui/i18n.tsx';

/**
 * The denominators from the official lists: per village tag in force that year (深度贫困村, 脱贫村,
 * 易地搬迁安置点), paired / tagged villages and the API's share. Tags no village carries are left out.
 */
export function CoverageTagTotals({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const shown = coverage.villageTags.filter((x) => x.villages > 0);
  if (!shown.length) return null;
  return (
    <Card size="small" title={t('coverage.tagsTitle', { year: coverage.year })} data-testid="coverage-tags">
      <Row gutter={[16, 16]}>
        {shown.map((x) => (
          <Col key={x.tag} xs={24} md={8}>
            <Statistic
              title={t('coverage.tagPaired', { tag: placeTagLabel(t, x.tag) })}
              value={x.pairedVillages}
              formatter={(value) => <span data-testid={`coverage-tag-${x.tag}-paired`}>{value}</span>}
              suffix={<>/ <span data-testid={`coverage-tag-${x.tag}-total`}>{x.villages}</span></>}
            />
            <Progress percent={x.pairedPct ?? 0} size="small" format={(p) => t('coverage.percent', { p: p ?? 0 })} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
