import { lazy, Suspense } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useHealth, type Health } from './home.api.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { TenHavesGrid } from './TenHavesGrid.tsx';
import { WarningsCard } from './WarningsCard.tsx';
import { useIndicatorDefinitions, useIndicatorValues, useScopeChoices } from '../indicators/indicators.api.ts';
import { periodFromUrl, scopeFromUrl, scopeSearch, SCOPE_URL_KEYS } from '../indicators/indicatorScope.ts';
import { ScopePicker } from '../indicators/ScopePicker.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useUrlParams } from '../../ui/useUrlParams.ts';

/** ECharts comes with the charts, after the figures: the first screen does not wait for it. */
const HomeCharts = lazy(() => import('./HomeCharts.tsx'));

function SystemCard({ health }: { health: Health }) {
  const t = useT();
  return (
    <Card size="small" title={t('home.system')}>
      <Space wrap size="middle">
        <span>{t('home.regionsLoaded', { n: health.regions.toLocaleString() })}</span>
        <span>{t('home.engine', { engine: health.engine })}</span>
        <span>{t('home.version', { version: health.version })}</span>
        {health.demo ? <Tag color="orange">{t('home.demoData')}</Tag> : null}
      </Space>
    </Card>
  );
}

/**
 * 工作概览: for the chosen scope (the user's own by default) and year — the key figures with 同比, each leading to its
 * records; figures by year and by area; rankings of districts and counties; the 十有 grid of pairings; the warnings.
 */
export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(SCOPE_URL_KEYS);
  const scope = scopeFromUrl(params);
  const period = { year: periodFromUrl(params).year };
  const report = useIndicatorValues({ ...scope, ...period });
  const defs = useIndicatorDefinitions();
  const choices = useScopeChoices();
  const health = useHealth();
  const scopeName = report.data?.scope.name ?? choices.data?.default.name ?? '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="home-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('home.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="home-heading">
            {report.data ? t('dash.heading', { scope: report.data.scope.name, period: report.data.period.label }) : t('home.intro')}
          </Typography.Text>
        </div>
        <Space wrap>
          <ScopePicker scope={scope} period={period} shown={report.data?.scope} onChange={(patch) => setParams(patch)} />
          <Link to={`/indicators${scopeSearch({ ...scope, ...period })}`} data-testid="home-all-indicators">
            {t('dash.allIndicators')}
          </Link>
        </Space>
      </Space>
      <ErrorAlert error={report.error ?? defs.error} onRetry={() => [report, defs].forEach((s) => s.reload())} />
      <KeyFigures report={report.data} loading={report.loading} scope={scope} period={period} />
      <Suspense fallback={<Card size="small" loading data-testid="home-charts-loading" />}>
        <HomeCharts scope={scope} period={period} scopeName={scopeName} report={report.data} definitions={defs.data ?? []} />
      </Suspense>
      <TenHavesGrid scope={scope} period={period} scopeName={scopeName} />
      <WarningsCard scope={scope} period={period} scopeName={scopeName} />
      <Card size="small" title={t('home.coverageTitle')} extra={<Link to="/coverage" data-testid="home-coverage-link">{t('home.coverageOpen')}</Link>}>
        <Typography.Paragraph type="secondary">{t('home.coverageText')}</Typography.Paragraph>
        <RegionSearchSelect
          testId="home-coverage-search"
          levels={[2, 3]}
          placeholder={t('coverage.pickCounty')}
          style={{ width: 420, maxWidth: '100%' }}
          onChange={(code) => code && navigate(`/coverage/${code}`)}
        />
      </Card>
      {health.data ? <SystemCard health={health.data} /> : null}
    </Space>
  );
}
