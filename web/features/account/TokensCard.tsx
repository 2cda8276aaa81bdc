import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useRevokeToken, useTokens, type ApiToken } from './account.api.ts';
import { TokenCreateModal } from './TokenCreateModal.tsx';
import { actionLabel } from '../../ui/access.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

type TokenStatus = 'active' | 'revoked' | 'expired';
const STATUS_COLORS: Record<TokenStatus, string> = { active: 'success', revoked: 'default', expired: 'warning' };
const statusOf = (tk: ApiToken): TokenStatus => (tk.revoked ? 'revoked' : tk.expiresAt && new Date(tk.expiresAt) <= new Date() ? 'expired' : 'active');

/** My API tokens: list, create (plain token shown once), revoke. */
export function TokensCard() {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const list = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);

  const onRevoke = async (tk: ApiToken) => {
    try {
      await revoke.run(tk.id);
      message.success(t('token.revoked'));
      list.reload();
    } catch (err) {
      report(err);
    }
  };

  return (
    <Card
      title={t('token.title')}
      data-testid="tokens-card"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('token.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ApiToken>
        data-testid="tokens-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(tk) => rowWithTestId(`token-row-${tk.id}`)}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('token.name'), render: (_, tk) => tk.name },
          { key: 'prefix', title: t('token.prefix'), render: (_, tk) => <Typography.Text code>{tk.prefix}…</Typography.Text> },
          { key: 'actions', title: t('token.actions'), render: (_, tk) => tk.actions.map((a) => <Tag key={a}>{actionLabel(t, a)}</Tag>) },
          { key: 'createdAt', title: t('common.createdAt'), render: (_, tk) => formatDateTime(tk.createdAt) },
          { key: 'expiresAt', title: t('token.expiresOn'), render: (_, tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : t('token.noExpiry')) },
          { key: 'lastUsedAt', title: t('token.lastUsed'), render: (_, tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('token.never')) },
          {
            key: 'status',
            title: t('token.status'),
            render: (_, tk) => <Tag color={STATUS_COLORS[statusOf(tk)]}>{t(`token.status.${statusOf(tk)}`)}</Tag>,
          },
          {
            key: 'revoke',
            title: t('common.actions'),
            render: (_, tk) =>
              tk.revoked ? null : (
                <Space>
                  <Popconfirm title={t('token.revokeConfirm', { name: tk.name })} okText={t('token.revoke')} cancelText={t('common.cancel')} okButtonProps={buttonWithTestId(`token-revoke-confirm-${tk.id}`, { danger: true })} onConfirm={() => onRevoke(tk)}>
                    <Button size="small" type="link" danger data-testid={`token-revoke-${tk.id}`}>
                      {t('token.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <TokenCreateModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </Card>
  );
}
