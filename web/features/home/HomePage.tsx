import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useHealth, useOrgCount, usePairingCount, type Health } from './home.api.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { currentYear } from '../../ui/dates.ts';
import type { QueryState } from '../../ui/useApi.ts';

function CountCard({ title, state, to, testId }: { title: string; state: QueryState<number>; to: string; testId: string }) {
  return (
    <Card size="small" hoverable>
      <Link to={to} data-testid={testId} style={{ color: 'inherit' }}>
        <Statistic title={title} value={state.data ?? '—'} loading={state.loading && state.data === undefined} />
      </Link>
    </Card>
  );
}

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

export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const year = currentYear();
  const health = useHealth();
  const orgs = useOrgCount();
  const eastOrgs = useOrgCount('east');
  const westOrgs = useOrgCount('west');
  const pairings = usePairingCount();
  const activeThisYear = usePairingCount({ status: 'active', year });
  const firstError = [orgs, pairings, health].find((s) => s.error)?.error;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      </div>
      <ErrorAlert error={firstError} onRetry={() => [health, orgs, eastOrgs, westOrgs, pairings, activeThisYear].forEach((s) => s.reload())} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={t('home.orgs')} state={orgs} to="/orgs" testId="home-org-count" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={t('home.eastOrgs')} state={eastOrgs} to="/orgs?side=east" testId="home-east-org-count" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={t('home.westOrgs')} state={westOrgs} to="/orgs?side=west" testId="home-west-org-count" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={t('home.pairings')} state={pairings} to="/pairings" testId="home-pairing-count" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <CountCard title={t('home.activePairings', { year })} state={activeThisYear} to={`/pairings?status=active&year=${year}`} testId="home-active-pairing-count" />
        </Col>
      </Row>
      <Card title={t('home.coverageTitle')} extra={<Link to="/coverage" data-testid="home-coverage-link">{t('home.coverageOpen')}</Link>}>
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
