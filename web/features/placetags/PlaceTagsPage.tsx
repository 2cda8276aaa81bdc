import { Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { PlaceTag } from '../../../src/modules/placetags/placetags.contract.ts';
import { PLACE_TAG_CODES, placeTagLabel, useDeletePlaceTag, usePlaceTagList } from './placetags.api.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { useCan, useMe } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { yearOptions } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { SheetActions } from '../../ui/SheetActions.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['tag', 'year', 'region', 'page', 'pageSize'] as const;

/** 地区标识: the official statuses of counties and villages by year; city-wide users import and delete them. */
export function PlaceTagsPage() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { tag: oneOf(params.tag, PLACE_TAG_CODES), year: toInt(params.year), region: params.region };
  const list = usePlaceTagList({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const regionFilter = useRegion(filters.region);
  // The server also requires a city-wide scope: only the global roles are offered the buttons.
  const canWrite = useCan('org:write') && me.user.roles.some((r) => r === 'sys_admin' || r === 'city_admin');
  const remove = useDeletePlaceTag();
  const onDelete = useDeleteRecord<PlaceTag>(remove.run, t('placeTags.deleted'), list.reload);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('placeTags.title')}
        </Typography.Title>
        <Space wrap>
          <SheetActions path="/place-tags" testId="place-tags" what={t('placeTags.what')} fileStem="地区标识" exportQuery={filters} canWrite={canWrite} onImported={list.reload} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('placeTags.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} data-testid="place-tags-filters">
        <Select data-testid="place-tags-filter-tag" virtual={false} placeholder={t('placeTags.filterTag')} allowClear value={filters.tag} onChange={(tag) => setParams({ tag, page: null })} options={optionsOf(PLACE_TAG_CODES, (c) => placeTagLabel(t, c), 'place-tags-filter-tag')} style={{ width: 220 }} popupMatchSelectWidth={false} />
        <Select data-testid="place-tags-filter-year" virtual={false} placeholder={t('placeTags.filterYear')} allowClear value={filters.year} onChange={(year) => setParams({ year, page: null })} options={yearOptions(String, 'place-tags-filter-year')} style={{ width: 120 }} />
        <RegionSearchSelect
          testId="place-tags-filter-region"
          value={filters.region ?? null}
          seed={regionFilter.data ? { code: regionFilter.data.code, fullName: regionFilter.data.fullName, level: regionFilter.data.level } : null}
          placeholder={t('placeTags.filterRegion')}
          onChange={(region) => setParams({ region, page: null })}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<PlaceTag>
        data-testid="place-tags-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('placeTags.empty') }}
        pagination={{
          current: list.data?.page ?? 1,
          pageSize: list.data?.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setParams({ page, pageSize }),
        }}
        columns={[
          { title: t('placeTags.region'), key: 'region', render: (_, x) => <span title={x.regionFullName}>{x.regionFullName}</span> },
          { title: t('placeTags.regionCode'), dataIndex: 'regionCode', width: 140 },
          {
            title: t('placeTags.tag'),
            key: 'tag',
            render: (_, x) => (
              <>
                <Tag color={x.regionCode.length === 6 ? 'gold' : 'green'}>{placeTagLabel(t, x.tag)}</Tag>
                {x.isDemo ? <Tag>{t('placeTags.demo')}</Tag> : null}
              </>
            ),
          },
          { title: t('placeTags.years'), key: 'years', width: 130, render: (_, x) => (x.yearTo === null ? t('placeTags.yearsOpen', { from: x.yearFrom }) : t('placeTags.yearsRange', { from: x.yearFrom, to: x.yearTo })) },
          { title: t('placeTags.source'), dataIndex: 'sourceDocument' },
          ...(canWrite
            ? [{
                title: '',
                key: 'actions',
                width: 60,
                render: (_: unknown, x: PlaceTag) => (
                  <Popconfirm title={t('placeTags.deleteConfirm')} onConfirm={() => onDelete(x)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid={`place-tags-delete-${x.id}`} />
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
    </>
  );
}
