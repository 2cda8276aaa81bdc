import { Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ENTRY_KIND_CODES, type EntryKind } from './entries.api.ts';
import { EntriesTab } from './EntriesTab.tsx';
import { SCOPE_KIND_CODES } from './indicators.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { oneOf, toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['tab', 'indicator', 'year', 'scopeKind', 'page', 'pageSize'] as const;
const TAB_OF: Record<EntryKind, string> = { target: 'targets', reported: 'reported' };
const TABS = ENTRY_KIND_CODES.map((k) => TAB_OF[k]);

/** 考核目标与填报 (/indicators/targets, `?tab=targets|reported`): the targets set for an indicator, scope and year, and the figures offices reported beside the computed ones. */
export function TargetsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const tab = oneOf(params.tab, TABS) ?? 'targets';
  const filters = { indicator: params.indicator || undefined, year: toInt(params.year), scopeKind: oneOf(params.scopeKind, SCOPE_KIND_CODES) };
  const page = toInt(params.page) ?? 1;
  const pageSize = toInt(params.pageSize) ?? 20;

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="targets-page">
      <Link to="/indicators" data-testid="targets-back">
        <ArrowLeftOutlined /> {t('entry.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('entry.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('entry.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams({ tab: next })}
        items={ENTRY_KIND_CODES.map((kind) => ({
          key: TAB_OF[kind],
          label: <span data-testid={`targets-tab-${TAB_OF[kind]}`}>{t(kind === 'target' ? 'entry.targets' : 'entry.reportedFigures')}</span>,
          children: TAB_OF[kind] === tab ? <EntriesTab kind={kind} filters={filters} page={page} pageSize={pageSize} onFilters={(patch) => setParams(patch)} /> : null,
        }))}
      />
    </Space>
  );
}
