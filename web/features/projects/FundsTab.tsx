import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useFunds } from './projects.api.ts';
import { FundsTable } from './FundsTable.tsx';
import { FundFormModal, type FundFormMode } from './FundFormModal.tsx';
import { FUNDABLE_STATUSES } from './projectEnums.ts';
import { useCan } from '../auth/session.tsx';
import { useT } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fenToWanText, formatFenAsWan } from '../../ui/money.ts';
import type { MessageKey } from '../../ui/i18n.tsx';

type TotalKey = 'planned' | 'approved' | 'allocated' | 'disbursed' | 'spent' | 'returned';

/** 资金: the totals in 万元, the transactions, 下达 / 登记 / 会签 by permission. */
export function FundsTab({ project: p, onChanged }: { project: Project; onChanged: () => void }) {
  const t = useT();
  const funds = useFunds(p.id);
  const canAllocate = useCan('fund:allocate');
  const canRecord = useCan('fund:record');
  const [mode, setMode] = useState<FundFormMode | null>(null);
  const fundable = FUNDABLE_STATUSES.includes(p.status);
  const totals = p.totals;
  const cards: { key: TotalKey; label: MessageKey; fen: number | null }[] = [
    { key: 'planned', label: 'fund.planned', fen: totals.plannedFen },
    { key: 'approved', label: 'fund.approved', fen: totals.approvedFen },
    { key: 'allocated', label: 'fund.allocated', fen: totals.allocatedFen },
    { key: 'disbursed', label: 'fund.disbursed', fen: totals.disbursedFen },
    { key: 'spent', label: 'fund.spent', fen: totals.spentFen },
    { key: 'returned', label: 'fund.returned', fen: totals.returnedFen },
  ];
  const changed = () => {
    funds.reload();
    onChanged();
  };

  return (
    <div data-testid="project-funds">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t('fund.inWan', { label: t(c.label) })}
                value={c.fen === null ? t('fund.notApproved') : fenToWanText(c.fen)}
                valueRender={(node) => (
                  <span data-testid={`funds-total-${c.key}`} data-fen={c.fen ?? ''}>
                    {node}
                  </span>
                )}
              />
              {c.key === 'disbursed' && totals.pendingDisbursementFen > 0 ? (
                <Typography.Text type="warning" data-testid="funds-total-pending" data-fen={totals.pendingDisbursementFen}>
                  {t('fund.pending', { amount: formatFenAsWan(totals.pendingDisbursementFen, t('money.wan')) })}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('fund.transactions')}
        </Typography.Title>
        {fundable ? (
          <Space wrap>
            {canAllocate ? (
              <Button type="primary" data-testid="fund-allocate" onClick={() => setMode('allocate')}>
                {t('fund.allocate')}
              </Button>
            ) : null}
            {canRecord ? (
              <Button data-testid="fund-record" onClick={() => setMode('record')}>
                {t('fund.record')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Space>
      {!fundable ? <Alert type="info" showIcon title={t('fund.notFundable')} style={{ marginBottom: 12 }} /> : null}
      <ErrorAlert error={funds.error} onRetry={funds.reload} />
      <FundsTable rows={funds.data ?? []} loading={funds.loading} onChanged={changed} />
      <FundFormModal
        project={p}
        mode={mode}
        onClose={() => setMode(null)}
        onSaved={() => {
          setMode(null);
          changed();
        }}
      />
    </div>
  );
}
