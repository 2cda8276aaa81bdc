import { Breadcrumb, Button, Descriptions, Empty, Space } from 'antd';
import { Link } from 'react-router';
import type { Region } from '../../../src/modules/regions/regions.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { regionLevelLabel } from '../../ui/enums.ts';

/** Coverage is computed for a prefecture (its counties) or a county (its townships and villages). */
export const COVERAGE_LEVELS = [2, 3];

export function RegionDetails({ region, onPickAncestor }: { region: Region | null; onPickAncestor: (code: string) => void }) {
  const t = useT();
  if (!region) return <Empty description={t('region.pickOne')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="region-details">
      <Breadcrumb
        items={region.path.map((p) => ({
          title: p.code === region.code ? p.name : <a onClick={() => onPickAncestor(p.code)}>{p.name}</a>,
        }))}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('region.fullName')}>{region.fullName}</Descriptions.Item>
        <Descriptions.Item label={t('region.code')}>
          <span data-testid="region-details-code">{region.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('region.level')}>{regionLevelLabel(t, region.level)}</Descriptions.Item>
        <Descriptions.Item label={t('region.shortName')}>{region.shortName}</Descriptions.Item>
        {region.childCount !== undefined ? <Descriptions.Item label={t('region.childCount')}>{region.childCount}</Descriptions.Item> : null}
      </Descriptions>
      <Space wrap>
        {COVERAGE_LEVELS.includes(region.level) ? (
          <Link to={`/coverage/${region.code}`} data-testid="region-coverage-link">
            <Button type="primary">{t('region.openCoverage')}</Button>
          </Link>
        ) : null}
        <Link to={`/orgs?region=${region.code}`} data-testid="region-orgs-link">
          <Button>{t('region.orgsHere')}</Button>
        </Link>
        <Link to={`/pairings?region=${region.code}`} data-testid="region-pairings-link">
          <Button>{t('region.pairingsHere')}</Button>
        </Link>
      </Space>
    </Space>
  );
}
