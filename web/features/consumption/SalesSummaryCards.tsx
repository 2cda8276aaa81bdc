import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import type { SalesSummary } from './sales.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { fenToWanText, formatFenAsWan } from '../../ui/money.ts';

interface Props {
  summary: SalesSummary | undefined;
  loading: boolean;
  /** Lists the flagged sales (sets the dupStatus filter). */
  onShowFlagged: () => void;
}

export const formatShare = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** 销售总额 (万元, counted sales only), 认定产品占比, and 疑似重复 (not counted until checked). */
export function SalesSummaryCards({ summary: s, loading, onShowFlagged }: Props) {
  const t = useT();
  const wan = t('money.wan');
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="sales-summary">
      <Col xs={24} md={8}>
        <Card size="small" loading={loading && !s}>
          <Statistic title={t('sales.total')} value={s ? fenToWanText(s.totalFen) : '—'} suffix={wan} valueRender={(n) => <span data-testid="sales-total" data-fen={s?.totalFen ?? 0}>{n}</span>} />
          <Typography.Text type="secondary" data-testid="sales-count" data-count={s?.count ?? 0}>
            {t('sales.countN', { n: s?.count ?? 0 })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" loading={loading && !s}>
          <Statistic title={t('sales.certifiedShare')} value={formatShare(s?.certifiedShare ?? null)} valueRender={(n) => <span data-testid="sales-certified-share" data-share={s?.certifiedShare ?? ''}>{n}</span>} />
          <Typography.Text type="secondary">{t('sales.certifiedAmount', { amount: formatFenAsWan(s?.certifiedFen ?? 0, wan) })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" loading={loading && !s}>
          <Statistic title={t('sales.flagged')} value={s?.flagged.count ?? 0} suffix={t('sales.countUnit')} valueRender={(n) => <span data-testid="sales-flagged" data-count={s?.flagged.count ?? 0} data-fen={s?.flagged.amountFen ?? 0}>{n}</span>} />
          <Typography.Text type="secondary">{t('sales.flaggedAmount', { amount: formatFenAsWan(s?.flagged.amountFen ?? 0, wan) })}</Typography.Text>
          {s?.flagged.count ? (
            <Button type="link" size="small" data-testid="sales-flagged-show" onClick={onShowFlagged}>
              {t('sales.showFlagged')}
            </Button>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}
