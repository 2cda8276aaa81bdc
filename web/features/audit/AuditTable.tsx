import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Page } from '../../../src/platform/contract.ts';
import type { AuditEntry } from './audit.api.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { auditActionColor, auditActionLabel, auditEntityLabel } from '../../ui/access.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

/** Records that have a page of their own link to it. */
function entityLink(entity: string, id: string): string | null {
  if (entity === 'org') return `/orgs/${id}`;
  if (entity === 'pairing') return `/pairings?open=${id}`;
  if (entity === 'project') return `/projects/${id}`;
  if (entity === 'activity') return `/activities?open=${id}`;
  if (entity === 'donation') return `/donations?open=${id}`;
  if (entity === 'training') return `/training?open=${id}`;
  if (entity === 'dispatch') return `/personnel?open=${id}`;
  return null;
}

interface Props {
  page: Page<AuditEntry> | undefined;
  loading: boolean;
  onChange: (page: number, pageSize: number) => void;
}

/** Newest first; rows with before/after JSON expand to show both side by side. Nothing here edits or deletes. */
export function AuditTable({ page, loading, onChange }: Props) {
  const t = useT();
  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(e) => rowWithTestId(`audit-row-${e.id}`, { 'data-action': e.action })}
      expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, rowExpandable: (e) => e.before != null || e.after != null }}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 50, total: page?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onChange(p.current ?? 1, p.pageSize ?? 50)}
      scroll={{ x: 900 }}
      columns={[
        { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
        { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName },
        { key: 'ip', title: t('audit.ip'), render: (_, e) => e.ip ?? '—' },
        { key: 'entity', title: t('audit.entity'), render: (_, e) => auditEntityLabel(t, e.entity) },
        {
          key: 'entityId',
          title: t('audit.entityId'),
          render: (_, e) => {
            if (!e.entityId) return '—';
            const to = entityLink(e.entity, e.entityId);
            return to ? <Link to={to}>{e.entityId}</Link> : e.entityId;
          },
        },
        {
          key: 'action',
          title: t('audit.action'),
          render: (_, e) => (
            <Tag color={auditActionColor(e.action)} data-testid={`audit-action-${e.id}`}>
              {auditActionLabel(t, e.action)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
