import { Table, Tag, Typography } from 'antd';
import { useRoles, type Role } from './users.api.ts';
import { ACTION_CODES, ROLE_CODES, actionLabel, roleLabel } from '../../ui/access.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

/** Position in a code list; unknown codes go last. */
const orderIn = (codes: readonly string[]) => (code: string) => {
  const i = codes.indexOf(code);
  return i < 0 ? codes.length : i;
};
const actionOrder = orderIn(ACTION_CODES);
const roleOrder = orderIn(ROLE_CODES);

/** 角色: each role, whether it sees all data or the user's scope, and its actions (permissions are data). */
export function RolesTable() {
  const t = useT();
  const roles = useRoles();
  return (
    <>
      <ErrorAlert error={roles.error} onRetry={roles.reload} />
      <Table<Role>
        data-testid="roles-table"
        rowKey="code"
        size="middle"
        loading={roles.loading}
        dataSource={[...(roles.data ?? [])].sort((a, b) => roleOrder(a.code) - roleOrder(b.code))}
        pagination={false}
        onRow={(r) => rowWithTestId(`role-row-${r.code}`)}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'name',
            title: t('role.name'),
            width: 180,
            render: (_, r) => (
              <>
                <Typography.Text strong>{roleLabel(t, r.code)}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code}
                </Typography.Text>
              </>
            ),
          },
          { key: 'description', title: t('role.description'), width: 260, render: (_, r) => r.description },
          { key: 'scope', title: t('role.scope'), width: 140, render: (_, r) => (r.globalScope ? <Tag color="purple">{t('role.globalScope')}</Tag> : t('role.ownScope')) },
          {
            key: 'actions',
            title: t('role.actions'),
            render: (_, r) =>
              [...r.actions]
                .sort((a, b) => actionOrder(a) - actionOrder(b))
                .map((a) => (
                  <Tag key={a} style={{ marginBottom: 4 }} title={a}>
                    {actionLabel(t, a)}
                  </Tag>
                )),
          },
        ]}
      />
    </>
  );
}
