import { Card, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useCoverage } from './coverage.api.ts';
import { countByType, coverageChartHeight, coverageChartOption } from './coverageChartOption.ts';
import { CoverageByTypeTable } from './CoverageByTypeTable.tsx';
import { CoverageTotals } from './CoverageTotals.tsx';
import { CoverageTagTotals } from './CoverageTagTotals.tsx';
import { placeTagLabel } from '../placetags/placetags.api.ts';
import { CoverageUnitsTable } from './CoverageUnitsTable.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { Chart } from '../../ui/charts.tsx';
import { useT, type MessageKey } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { yearOptions } from '../../ui/dates.ts';
import { pairingTypeLabel, regionLevelLabel } from '../../ui/enums.ts';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['year'] as const;

export function CoveragePage() {
  const t = useT();
  const navigate = useNavigate();
  const { code } = useParams();
  const [params, setParams] = useUrlParams(PARAMS);
  const year = toInt(params.year);
  const coverage = useCoverage(code, year);
  const c = coverage.data && coverage.data.region.code === code ? coverage.data : undefined;
  const unitLevel = c ? (c.units[0]?.level ?? c.region.level + 1) : 4;
  const unitNoun = t(`coverage.unitNoun.${unitLevel}` as MessageKey);
  const unitCounts = c ? countByType(c.units, c.byType) : [];
  const villageCounts = c?.villages ? countByType(c.villages, c.byType) : [];

  const picker = (
    <RegionSearchSelect
      testId="coverage-region-search"
      levels={[2, 3]}
      placeholder={t('coverage.pickCounty')}
      style={{ width: 360, maxWidth: '100%' }}
      allowClear={false}
      onChange={(next) => next && navigate(`/coverage/${next}${year ? `?year=${year}` : ''}`)}
    />
  );

  if (!code) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('coverage.title')}
        </Typography.Title>
        <Card>
          <Empty description={t('coverage.pickPrompt')}>{picker}</Empty>
        </Card>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="coverage-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }} wrap>
        <div>
          <Typography.Text type="secondary">{t('coverage.title')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="coverage-region-name">
            {c?.region.fullName ?? code}
          </Typography.Title>
          {c ? (
            <Typography.Text type="secondary">
              {c.region.code} · {regionLevelLabel(t, c.region.level)}
            </Typography.Text>
          ) : null}
          {c?.regionTags.length ? (
            <div data-testid="coverage-region-tags">
              {c.regionTags.map((tag) => (
                <Tag key={tag} color="gold" style={{ marginTop: 4 }}>
                  {placeTagLabel(t, tag)}
                </Tag>
              ))}
            </div>
          ) : null}
        </div>
        <Space wrap>
          <Select<number>
            data-testid="coverage-year" virtual={false}
            value={c?.year ?? year}
            onChange={(y) => setParams({ year: y })}
            options={yearOptions((y) => t('common.yearN', { year: y }), 'coverage-year')}
            style={{ width: 120 }}
          />
          {picker}
        </Space>
      </Space>
      <ErrorAlert error={coverage.error} onRetry={coverage.reload} />
      {!c && coverage.loading ? <Card loading /> : null}
      {c ? (
        <>
          <CoverageTotals coverage={c} />
          <CoverageTagTotals coverage={c} />
          {c.own.length ? (
            <Card size="small" title={t('coverage.own')} data-testid="coverage-own">
              {c.own.map((p) => (
                <Tag key={p.pairingId} color="blue" style={{ marginBottom: 4 }}>
                  <Link to={`/pairings?open=${p.pairingId}`}>
                    {pairingTypeLabel(t, p.type)} · {p.eastOrgName}
                  </Link>
                </Tag>
              ))}
            </Card>
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={c.villages?.length ? 12 : 24}>
              <Card size="small">
                {c.units.length ? (
                  <Chart option={coverageChartOption(unitCounts, unitNoun, t)} style={{ height: coverageChartHeight(unitCounts) }} testId="coverage-chart" />
                ) : (
                  <Empty description={t('coverage.noUnits')} />
                )}
              </Card>
            </Col>
            {c.villages?.length ? (
              <Col xs={24} xl={12}>
                <Card size="small">
                  <Chart option={coverageChartOption(villageCounts, t('coverage.unitNoun.5'), t)} style={{ height: coverageChartHeight(villageCounts) }} testId="coverage-village-chart" />
                </Card>
              </Col>
            ) : null}
          </Row>
          {c.byType.length ? (
            <Card size="small" title={t('coverage.byTypeTitle')}>
              <CoverageByTypeTable coverage={c} />
            </Card>
          ) : null}
          <Card size="small">
            <CoverageUnitsTable title={t('coverage.unitsTitle', { unit: unitNoun })} units={c.units} testId="coverage-units" year={c.year} />
          </Card>
          {c.villages?.length ? (
            <Card size="small">
              <CoverageUnitsTable title={t('coverage.unitsTitle', { unit: t('coverage.unitNoun.5') })} units={c.villages} testId="coverage-villages-table" year={c.year} drillDownMaxLevel={0} />
            </Card>
          ) : null}
          <Link to={`/pairings?region=${c.region.code}&year=${c.year}`} data-testid="coverage-pairings-link">
            {t('coverage.listPairings')}
          </Link>
        </>
      ) : null}
    </Space>
  );
}
