import { useEffect } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEndSession, useSessions, type Session } from './account.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

/** My sessions: where I am signed in; any other session can be ended (this one: sign out). */
export function SessionsCard({ version = 0 }: { version?: number }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const list = useSessions();
  const end = useEndSession();
  const { reload } = list;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const onEnd = async (s: Session) => {
    try {
      await end.run(s.id);
      message.success(t('session.ended'));
      reload();
    } catch (err) {
      report(err);
    }
  };

  return (
    <Card title={t('session.title')} data-testid="sessions-card">
      <Typography.Paragraph type="secondary">{t('session.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={reload} />
      <Table<Session>
        data-testid="sessions-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(s) => rowWithTestId(`session-row-${s.id}`)}
        columns={[
          { key: 'createdAt', title: t('session.createdAt'), render: (_, s) => formatDateTime(s.createdAt) },
          { key: 'lastSeenAt', title: t('session.lastSeenAt'), render: (_, s) => formatDateTime(s.lastSeenAt) },
          { key: 'ip', title: t('session.ip'), width: 120, render: (_, s) => s.ip ?? '—' },
          {
            key: 'userAgent',
            title: t('session.userAgent'),
            ellipsis: { showTitle: true },
            onCell: () => ({ style: { fontSize: 12 } }),
            render: (_, s) => s.userAgent ?? '—',
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_, s) =>
              s.current ? (
                <Tag color="green" data-testid={`session-current-${s.id}`}>
                  {t('session.current')}
                </Tag>
              ) : (
                <Popconfirm title={t('session.endConfirm')} okText={t('session.end')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`session-end-confirm-${s.id}`, { danger: true })} onConfirm={() => onEnd(s)}>
                  <Button size="small" type="link" danger data-testid={`session-end-${s.id}`}>
                    {t('session.end')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
