import { useState } from 'react';
import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { Region } from '../../../src/modules/regions/regions.contract.ts';
import { RegionTree } from './RegionTree.tsx';
import { RegionSearchPanel } from './RegionSearchPanel.tsx';
import { RegionDetails } from './RegionDetails.tsx';
import { useRegion } from './regions.api.ts';
import { useT } from '../../ui/i18n.tsx';

export function RegionsPage() {
  const t = useT();
  const [selected, setSelected] = useState<Region | null>(null);
  const [focus, setFocus] = useState<Region | null>(null);
  /** Ancestors clicked in the breadcrumb are fetched whole (with childCount). */
  const [ancestorCode, setAncestorCode] = useState<string | null>(null);
  const ancestor = useRegion(ancestorCode);
  const shown = ancestorCode && ancestor.data?.code === ancestorCode ? ancestor.data : selected;

  const pick = (region: Region, reveal: boolean) => {
    setAncestorCode(null);
    setSelected(region);
    if (reveal) setFocus(region);
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.regions')}
        </Typography.Title>
        <Link to="/place-tags" data-testid="regions-place-tags-link">
          {t('placeTags.open')}
        </Link>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('region.tree')}>
            <RegionTree selectedCode={shown?.code ?? null} focus={focus} onSelect={(r) => pick(r, false)} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('region.search')} style={{ marginBottom: 16 }}>
            <RegionSearchPanel selectedCode={shown?.code ?? null} onPick={(r) => pick(r, true)} />
          </Card>
          <Card size="small" title={t('region.details')}>
            <RegionDetails region={shown ?? null} onPickAncestor={setAncestorCode} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
