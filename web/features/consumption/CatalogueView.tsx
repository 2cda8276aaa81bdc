import { Button, Input, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { CATALOGUE_EXPORT_PATH, useCatalogue } from './catalogue.api.ts';
import { CATEGORY_CODES } from './consumptionEnums.ts';
import { CatalogueTable } from './CatalogueTable.tsx';
import { useDownload } from '../../ui/download.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['q', 'county', 'category', 'supplier', 'page', 'pageSize'] as const;

/**
 * 产品目录: the public catalogue (GET /public/catalogue, no login) with its county and category facets, filters in the URL
 * and the Excel download — the same on the public page (/catalogue) and inside the platform (/catalogue-admin).
 */
export function CatalogueView() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const filters = { q: params.q, county: params.county, category: oneOf(params.category, CATEGORY_CODES), supplier: params.supplier };
  const q = useCatalogue({ ...filters, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const { download, busy } = useDownload();
  const facet = (label: string | null, code: string, count: number) => `${label ?? code} (${count})`;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space wrap data-testid="catalogue-filters">
          <Input.Search data-testid="catalogue-filter-q" placeholder={t('catalogue.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(v) => setParams({ q: v.trim() })} style={{ width: 200 }} />
          <Select
            data-testid="catalogue-filter-county"
            virtual={false}
            placeholder={t('product.county')}
            allowClear
            value={filters.county}
            onChange={(county) => setParams({ county })}
            options={(q.data?.counties ?? []).map((c) => ({ value: c.code, label: facet(c.name, c.code, c.count), 'data-testid': `catalogue-filter-county-option-${c.code}` }))}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
          <Select
            data-testid="catalogue-filter-category"
            virtual={false}
            placeholder={t('product.category')}
            allowClear
            value={filters.category}
            onChange={(category) => setParams({ category })}
            options={(q.data?.categories ?? []).map((c) => ({ value: c.code, label: facet(c.label, c.code, c.count), 'data-testid': `catalogue-filter-category-option-${c.code}` }))}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
          />
          <Input.Search data-testid="catalogue-filter-supplier" placeholder={t('catalogue.supplierPlaceholder')} allowClear defaultValue={filters.supplier} onSearch={(v) => setParams({ supplier: v.trim() })} style={{ width: 200 }} />
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid="catalogue-total" data-count={q.data?.total ?? 0}>
            {t('catalogue.total', { n: q.data?.total ?? 0 })}
          </Typography.Text>
          <Button icon={<DownloadOutlined />} data-testid="catalogue-export" loading={busy !== null} onClick={() => download(CATALOGUE_EXPORT_PATH, filters, '消费帮扶产品目录.xlsx')}>
            {t('sheet.export')}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <CatalogueTable data={q.data} loading={q.loading} onPage={(page, pageSize) => setParams({ page, pageSize })} />
    </>
  );
}
