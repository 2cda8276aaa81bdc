import { useState } from 'react';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { SessionsCard } from './SessionsCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { useMe } from '../auth/session.tsx';
import { scopeText } from '../../app/UserMenu.tsx';
import { ACTION_CODES, actionLabel, roleLabel } from '../../ui/access.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useT } from '../../ui/i18n.tsx';

/** 我的账户: who I am and what I may do, my password, my sessions, my API tokens. */
export function AccountPage() {
  const t = useT();
  const me = useMe();
  const u = me.user;
  /** A password change ends the other sessions: the sessions list refetches. */
  const [passwordVersion, setPasswordVersion] = useState(0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="account-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Card title={t('account.profile')}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="account-profile">
          <Descriptions.Item label={t('user.username')}>{u.username}</Descriptions.Item>
          <Descriptions.Item label={t('user.displayName')}>{u.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('user.org')}>{u.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('user.roles')}>
            {u.roles.map((r) => (
              <Tag key={r} color="blue">
                {roleLabel(t, r)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('user.scopes')}>{scopeText(t, me)}</Descriptions.Item>
          <Descriptions.Item label={t('user.lastLogin')}>{formatDateTime(u.lastLoginAt)}</Descriptions.Item>
          <Descriptions.Item label={t('account.permissions')} span={2}>
            <span data-testid="account-permissions">
              {ACTION_CODES.filter((a) => me.permissions.includes(a)).map((a) => (
                <Tag key={a}>{actionLabel(t, a)}</Tag>
              ))}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('password.title')} data-testid="account-password">
            <ChangePasswordForm username={u.username} onChanged={() => setPasswordVersion((v) => v + 1)} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <SessionsCard version={passwordVersion} />
        </Col>
      </Row>
      <TokensCard />
    </Space>
  );
}
