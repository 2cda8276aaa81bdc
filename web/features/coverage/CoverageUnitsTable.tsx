import { useState } from 'react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CoverageUnit } from '../../../src/modules/pairings/pairings.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { pairingTypeLabel } from '../../ui/enums.ts';
import { placeTagLabel } from '../placetags/placetags.api.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

type Filter = 'all' | 'paired' | 'unpaired';

interface Props {
  title: string;
  units: CoverageUnit[];
  /** Units of this level or above link to their own coverage page. */
  drillDownMaxLevel?: number;
  testId: string;
  year: number;
}

/** Each unit marked 已结对/未结对, with the pairings that cover it and, for townships, the village counts. */
export function CoverageUnitsTable({ title, units, drillDownMaxLevel = 3, testId, year }: Props) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const shown = units.filter((u) => filter === 'all' || (filter === 'paired') === u.paired);
  const hasVillages = units.some((u) => u.villages);
  const pairedCount = units.filter((u) => u.paired).length;

  return (
    <div data-testid={testId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {t('coverage.pairedOf', { paired: pairedCount, total: units.length })}
          </Typography.Text>
        </Typography.Title>
        <Segmented<Filter>
          data-testid={`${testId}-filter`}
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('coverage.filterAll') },
            { value: 'paired', label: t('coverage.paired') },
            { value: 'unpaired', label: t('coverage.unpaired') },
          ]}
        />
      </Space>
      <Table<CoverageUnit>
        rowKey="code"
        size="small"
        dataSource={shown}
        pagination={shown.length > 30 ? { defaultPageSize: 30, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) } : false}
        onRow={(u) => rowWithTestId(`coverage-unit-${u.code}`, { 'data-paired': String(u.paired) })}
        columns={[
          {
            key: 'name',
            title: t('coverage.unitName'),
            render: (_, u) => (
              <>
                {u.level <= drillDownMaxLevel ? <Link to={`/coverage/${u.code}?year=${year}`}>{u.name}</Link> : u.name}
                {(u.tags ?? []).map((tag) => (
                  <Tag key={tag} color="green" style={{ marginInlineStart: 6 }}>
                    {placeTagLabel(t, tag)}
                  </Tag>
                ))}
              </>
            ),
          },
          { key: 'code', title: t('region.code'), dataIndex: 'code', width: 140 },
          {
            key: 'paired',
            title: t('coverage.status'),
            width: 100,
            render: (_, u) => (
              <Tag color={u.paired ? 'success' : 'default'} data-testid={`coverage-unit-status-${u.code}`}>
                {u.paired ? t('coverage.paired') : t('coverage.unpaired')}
              </Tag>
            ),
          },
          {
            key: 'pairings',
            title: t('coverage.coveredBy'),
            render: (_, u) =>
              u.pairings.length
                ? u.pairings.map((p) => (
                    <Tag key={p.pairingId} style={{ marginBottom: 4 }}>
                      <Link to={`/pairings?open=${p.pairingId}`}>
                        {pairingTypeLabel(t, p.type)} · {p.eastOrgName}
                      </Link>
                    </Tag>
                  ))
                : '—',
          },
          ...(hasVillages
            ? [
                {
                  key: 'villages',
                  title: t('coverage.villageCoverage'),
                  width: 130,
                  align: 'right' as const,
                  render: (_: unknown, u: CoverageUnit) => (u.villages ? t('coverage.pairedOf', { paired: u.villages.paired, total: u.villages.total }) : '—'),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
