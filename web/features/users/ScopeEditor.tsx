import { useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import type { ScopeEntry } from '../../../src/modules/users/users.contract.ts';
import type { User } from './users.api.ts';
import { useT } from '../../ui/i18n.tsx';

/** One scope entry as the form holds it: the API's {orgId} | {regionCode}, plus a name to show. */
export type ScopeChoice = { orgId: number; name: string } | { regionCode: string; name: string };

export const scopeKey = (s: ScopeChoice) => ('orgId' in s ? `org:${s.orgId}` : `region:${s.regionCode}`);
export const toScopeEntries = (list: ScopeChoice[]): ScopeEntry[] => list.map((s) => ('orgId' in s ? { orgId: s.orgId } : { regionCode: s.regionCode }));
export const scopeChoicesOf = (user: User): ScopeChoice[] =>
  user.scopes.map((s) => (s.orgId !== null ? { orgId: s.orgId, name: s.orgName ?? String(s.orgId) } : { regionCode: s.regionCode ?? '', name: s.regionName ?? s.regionCode ?? '' }));

/** A form control: the chosen organisations and places as tags, with an org picker and a place picker to add more. */
export function ScopeEditor({ value = [], onChange }: { value?: ScopeChoice[]; onChange?: (next: ScopeChoice[]) => void }) {
  const t = useT();
  /** The pickers are remounted after each pick, so they are empty again for the next one. */
  const [round, setRound] = useState(0);
  const add = (choice: ScopeChoice) => {
    if (!value.some((s) => scopeKey(s) === scopeKey(choice))) onChange?.([...value, choice]);
    setRound((n) => n + 1);
  };
  const remove = (key: string) => onChange?.(value.filter((s) => scopeKey(s) !== key));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="user-form-scopes">
      <div>
        {value.length === 0 ? <Typography.Text type="secondary">{t('user.scopeEmpty')}</Typography.Text> : null}
        {value.map((s) => {
          const key = scopeKey(s);
          const testId = 'orgId' in s ? `user-form-scope-org-${s.orgId}` : `user-form-scope-region-${s.regionCode}`;
          return (
            <Tag key={key} closable onClose={() => remove(key)} icon={'orgId' in s ? <ApartmentOutlined /> : <EnvironmentOutlined />} color={'orgId' in s ? 'blue' : 'green'} data-testid={testId} style={{ marginBottom: 4 }}>
              {s.name}
            </Tag>
          );
        })}
      </div>
      <Space wrap>
        <OrgSearchSelect key={`org-${round}`} testId="user-form-scope-org" value={null} placeholder={t('user.scopeAddOrg')} onChange={(id, org) => id && add({ orgId: id, name: org?.name ?? String(id) })} />
        <RegionSearchSelect key={`region-${round}`} testId="user-form-scope-region" value={null} placeholder={t('user.scopeAddRegion')} onChange={(code, region) => code && add({ regionCode: code, name: region?.fullName ?? code })} />
      </Space>
    </Space>
  );
}
