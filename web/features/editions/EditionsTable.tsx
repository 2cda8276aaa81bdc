import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../src/platform/contract.ts';
import type { EditionSummary } from './editions.api.ts';
import { EditionStatusTag } from './EditionStatusTag.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  page: Page<EditionSummary> | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Deleting a draft; absent without bulletin:write. */
  onDelete?: (e: EditionSummary) => void;
}

/** The editions: 刊名 opens the edition page; only drafts can be deleted. */
export function EditionsTable({ page, loading, onPage, onDelete }: Props) {
  const t = useT();
  return (
    <Table<EditionSummary>
      data-testid="edition-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      onRow={(e) => rowWithTestId(`edition-row-${e.id}`, { 'data-status': e.status })}
      pagination={{ current: page?.page ?? 1, pageSize: page?.pageSize ?? 20, total: page?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1000 }}
      columns={[
        {
          key: 'title',
          title: t('edition.title'),
          render: (_, e) => (
            <Link to={`/bulletin-editions/${e.id}`} data-testid={`edition-open-${e.id}`}>
              {e.title}
              {e.supplement ? t('edition.supplementMark') : ''}
            </Link>
          ),
        },
        { key: 'number', title: t('edition.number'), width: 230, render: (_, e) => <span data-testid={`edition-number-${e.id}`}>{e.numberLabel}</span> },
        { key: 'issuedOn', title: t('edition.issuedOn'), width: 110, render: (_, e) => e.issuedOn },
        {
          key: 'editor',
          title: t('edition.editor'),
          render: (_, e) => (
            <>
              {e.editor}
              {e.publisherName !== e.editor ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {e.publisherName}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        { key: 'status', title: t('edition.status'), width: 100, render: (_, e) => <EditionStatusTag status={e.status} testId={`edition-status-${e.id}`} /> },
        { key: 'items', title: t('edition.itemCount'), width: 80, align: 'right', render: (_, e) => e.itemCount },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 130,
          render: (_, e) => (
            <Space size={0}>
              <Link to={`/bulletin-editions/${e.id}`}>
                <Button size="small" type="link">
                  {t('common.details')}
                </Button>
              </Link>
              {onDelete && e.status === 'draft' ? (
                <Popconfirm
                  title={t('edition.deleteConfirm', { name: `${e.title}${e.numberLabel}` })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={buttonWithTestId(`edition-delete-confirm-${e.id}`, { danger: true })}
                  onConfirm={() => onDelete(e)}
                >
                  <Button size="small" type="link" danger data-testid={`edition-delete-${e.id}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
