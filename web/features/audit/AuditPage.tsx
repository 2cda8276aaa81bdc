import { DatePicker, Input, Select, Space, Typography } from 'antd';
import { useAuditList } from './audit.api.ts';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_ACTION_CODES, AUDIT_ENTITY_CODES, auditActionLabel, auditEntityLabel } from '../../ui/access.ts';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { optionsOf } from '../../ui/enums.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';

const PARAMS = ['entity', 'entityId', 'action', 'actor', 'from', 'to', 'page', 'pageSize'] as const;

/** 审计日志: who did what, when, from where — filters in the URL, newest first, read only. */
export function AuditPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(PARAMS);
  const query = {
    entity: params.entity,
    entityId: params.entityId,
    action: params.action,
    actor: params.actor,
    from: params.from,
    to: params.to,
    page: toInt(params.page) ?? 1,
    pageSize: toInt(params.pageSize) ?? 50,
    order: 'desc' as const,
  };
  const list = useAuditList(query);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.audit')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.readOnly')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
        <Select data-testid="audit-filter-entity" virtual={false} placeholder={t('audit.entity')} allowClear value={query.entity} onChange={(entity) => setParams({ entity })} options={optionsOf(AUDIT_ENTITY_CODES, (c) => auditEntityLabel(t, c), 'audit-filter-entity')} style={{ width: 140 }} />
        <Input.Search data-testid="audit-filter-entity-id" placeholder={t('audit.entityId')} allowClear defaultValue={query.entityId} onSearch={(v) => setParams({ entityId: v.trim() })} style={{ width: 120 }} />
        <Select data-testid="audit-filter-action" virtual={false} placeholder={t('audit.action')} allowClear value={query.action} onChange={(action) => setParams({ action })} options={optionsOf(AUDIT_ACTION_CODES, (c) => auditActionLabel(t, c), 'audit-filter-action')} style={{ width: 170 }} popupMatchSelectWidth={false} showSearch={{ optionFilterProp: 'label' }} />
        <Input.Search data-testid="audit-filter-actor" placeholder={t('audit.actorPlaceholder')} allowClear defaultValue={query.actor} onSearch={(v) => setParams({ actor: v.trim().toLowerCase() })} style={{ width: 180 }} />
        <DatePicker.RangePicker
          data-testid="audit-filter-dates"
          allowEmpty={[true, true]}
          value={[fromIsoDate(query.from), fromIsoDate(query.to)]}
          onChange={(range) => setParams({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <AuditTable page={list.data} loading={list.loading} onChange={(page, pageSize) => setParams({ page, pageSize })} />
    </>
  );
}
