import { useEffect } from 'react';
import { Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useOrgGraph } from './orgs.api.ts';
import { orgGraphOption } from './orgGraphOption.ts';
import { PairingsTable, coverageCodeOf } from '../pairings/PairingsTable.tsx';
import { Chart } from '../../ui/charts.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { yearOptions } from '../../ui/dates.ts';
import { pairingTypeLabel } from '../../ui/enums.ts';
import type { OrgGraph } from '../../../src/modules/pairings/pairings.contract.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

type Counterpart = OrgGraph['counterparts'][number];

interface Props {
  orgId: number;
  year: number | undefined;
  onYearChange: (year: number | undefined) => void;
  /** Bumped after a pairing was added from this page. */
  version: number;
}

/** The pairing graph of an organisation: its sub-units and everything they are paired with. */
export function OrgGraphCard({ orgId, year, onYearChange, version }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const graph = useOrgGraph(orgId, year);
  const g = graph.data;
  const { reload } = graph;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  return (
    <Card
      title={t('orgGraph.title')}
      data-testid="org-graph"
      extra={
        <Select<number>
          data-testid="org-graph-year" virtual={false}
          allowClear
          placeholder={t('orgGraph.allYears')}
          value={year}
          onChange={(y) => onYearChange(y ?? undefined)}
          options={yearOptions((y) => t('common.yearN', { year: y }), 'org-graph-year')}
          style={{ width: 140 }}
        />
      }
    >
      <ErrorAlert error={graph.error} onRetry={graph.reload} />
      {g && g.pairings.length === 0 && g.units.length <= 1 ? <Empty description={t('orgGraph.empty')} /> : null}
      {g && (g.pairings.length > 0 || g.units.length > 1) ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Chart option={orgGraphOption(g, t)} style={{ height: Math.max(300, Math.min(560, 160 + (g.units.length + g.counterparts.length) * 22)) }} testId="org-graph-chart" />
          <div>
            <Typography.Title level={5}>{t('orgGraph.counterparts')}</Typography.Title>
            <Table<Counterpart>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={g.counterparts}
              onRow={(c) => rowWithTestId(`org-counterpart-${c.orgId}`)}
              columns={[
                { key: 'name', title: t('org.name'), render: (_, c) => <Link to={`/orgs/${c.orgId}`}>{c.name}</Link> },
                {
                  key: 'region',
                  title: t('org.region'),
                  render: (_, c) => {
                    const code = coverageCodeOf(c.regionCode);
                    return c.regionName ? code ? <Link to={`/coverage/${code}`}>{c.regionName}</Link> : c.regionName : '—';
                  },
                },
                { key: 'types', title: t('pairing.type'), render: (_, c) => c.pairingTypes.map((type) => <Tag key={type}>{pairingTypeLabel(t, type)}</Tag>) },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('orgGraph.pairings', { n: g.pairings.length })}</Typography.Title>
            <PairingsTable
              page={{ items: g.pairings, total: g.pairings.length, page: 1, pageSize: g.pairings.length }}
              loading={graph.loading}
              onOpen={(p) => navigate(`/pairings?open=${p.id}`)}
            />
          </div>
          {g.units.length > 1 ? (
            <div>
              <Typography.Title level={5}>{t('orgGraph.units')}</Typography.Title>
              {g.units
                .filter((u) => u.id !== g.org.id)
                .map((u) => (
                  <div key={u.id} style={{ paddingLeft: u.depth * 20 }}>
                    <Link to={`/orgs/${u.id}`}>{u.name}</Link>
                  </div>
                ))}
            </div>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}

