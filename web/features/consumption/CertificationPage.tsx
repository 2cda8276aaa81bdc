import { useState } from 'react';
import { Button, Input, Select, Space, Tabs, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useProductList, useRules, useStatusCounts } from './products.api.ts';
import { CATEGORY_CODES, categoryLabel } from './consumptionEnums.ts';
import { STAGE_KEYS, defaultStage, statusesOf } from './certificationStages.ts';
import { StatusCountBar } from './StatusCountBar.tsx';
import { ProductsTable } from './ProductsTable.tsx';
import { ProductFormDrawer } from './ProductFormDrawer.tsx';
import { RulesModal, RulesSummary } from './RulesModal.tsx';
import { RegionFilter } from '../regions/RegionFilter.tsx';
import { useAccess } from '../auth/session.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['tab', 'q', 'county', 'category', 'page', 'pageSize'] as const;

/** 产品认定: the queue by stage (tabs, ?tab=), counts by status, 申请认定, the rules (editable with consumption:certify). */
export function CertificationPage() {
  const t = useT();
  const navigate = useNavigate();
  const can = useAccess();
  const [params, setParams] = useUrlParams(PARAMS);
  const tab = oneOf(params.tab, STAGE_KEYS) ?? defaultStage(can);
  const filters = { q: params.q, county: params.county, category: oneOf(params.category, CATEGORY_CODES) };
  const statuses = statusesOf(tab);
  const list = useProductList({ ...filters, status: statuses.length ? statuses.join(',') : undefined, page: toInt(params.page) ?? 1, pageSize: toInt(params.pageSize) ?? 20 });
  const counts = useStatusCounts(filters.county);
  const rules = useRules();
  const [applying, setApplying] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  const countOf = (key: (typeof STAGE_KEYS)[number]) => {
    const of = statusesOf(key);
    return (counts.data ?? []).filter((c) => !of.length || of.includes(c.status)).reduce((n, c) => n + c.count, 0);
  };

  return (
    <>
      <ListPageHeader
        title={t('nav.certification')}
        createLabel={t('product.apply')}
        createTestId="product-apply"
        canCreate={can('consumption:write')}
        onCreate={() => setApplying(true)}
        marginBottom={8}
        extra={
          can('consumption:certify') ? (
            <Button icon={<SettingOutlined />} data-testid="certification-rules-edit" disabled={!rules.data} onClick={() => setEditingRules(true)}>
              {t('rules.edit')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        <RulesSummary rules={rules.data} />
      </Typography.Paragraph>
      <StatusCountBar counts={counts} />
      <Space wrap style={{ marginBottom: 8 }} data-testid="product-filters">
        <Input.Search data-testid="product-filter-q" placeholder={t('product.searchPlaceholder')} allowClear defaultValue={filters.q} onSearch={(q) => setParams({ q: q.trim() })} style={{ width: 220 }} />
        <RegionFilter testId="product-filter-county" value={filters.county} onChange={(county) => setParams({ county })} placeholder={t('consumption.filterCounty')} />
        <Select data-testid="product-filter-category" virtual={false} placeholder={t('product.category')} allowClear value={filters.category} onChange={(category) => setParams({ category })} options={optionsOf(CATEGORY_CODES, (c) => categoryLabel(t, c), 'product-filter-category')} style={{ width: 140 }} />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={STAGE_KEYS.map((key) => ({ key, label: <span data-testid={`certification-tab-${key}`} data-count={countOf(key)}>{t(`certification.stage.${key}`)} ({countOf(key)})</span> }))}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ProductsTable page={list.data} loading={list.loading} onPage={(page, pageSize) => setParams({ page, pageSize })} />
      <ProductFormDrawer open={applying} product={null} onClose={() => setApplying(false)} onSaved={(p) => navigate(`/certification/${p.id}`)} />
      <RulesModal
        open={editingRules}
        rules={rules.data}
        onClose={() => setEditingRules(false)}
        onSaved={() => {
          setEditingRules(false);
          rules.reload();
        }}
      />
    </>
  );
}
