import { useEffect } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useDonationTotals } from './donations.api.ts';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fenToWanText } from '../../ui/money.ts';

interface Props {
  county?: string;
  year?: number;
  /** With a pairing: that pairing's row of the totals by pairing. */
  pairing?: number;
  /** Bumped after a change, so the totals are fetched again. */
  version?: number;
}

/** 资金 and 物资 in 万元, kept apart as the API sums them, and the number of donations (GET /donations/totals). */
export function DonationTotals({ county, year, pairing, version = 0 }: Props) {
  const t = useT();
  const totals = useDonationTotals(pairing ? 'pairing' : 'year', { county, year });
  const { reload } = totals;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const rows = (totals.data ?? []).filter((r) => !pairing || r.key === String(pairing));
  const sum = (k: 'cashFen' | 'goodsFen' | 'count') => rows.reduce((s, r) => s + r[k], 0);
  const cards = [
    { id: 'donation-total-cash', title: t('donation.totalCash'), fen: sum('cashFen') },
    { id: 'donation-total-goods', title: t('donation.totalGoods'), fen: sum('goodsFen') },
  ];
  return (
    <>
      <ErrorAlert error={totals.error} onRetry={totals.reload} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.id} xs={24} sm={8}>
            <Card size="small" loading={totals.loading && !totals.data}>
              <Statistic title={c.title} value={fenToWanText(c.fen)} suffix={t('money.wan')} valueRender={(node) => <span data-testid={c.id} data-fen={c.fen}>{node}</span>} />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={8}>
          <Card size="small" loading={totals.loading && !totals.data}>
            <Statistic title={t('donation.totalCount')} value={sum('count')} valueRender={(node) => <span data-testid="donation-total-count" data-count={sum('count')}>{node}</span>} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
