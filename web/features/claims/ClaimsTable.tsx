import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { claimKey, claimKindLabel, claimStatusLabel, type Claim } from './claims.api.ts';
import { ClaimStatusTag } from './ClaimStatusTag.tsx';
import { useT, type Translate } from '../../ui/i18n.tsx';
import { fenToYuanText } from '../../ui/money.ts';
import { buttonWithTestId, rowWithTestId } from '../../ui/testIds.ts';

/** What the named unit may do with a pending row (given only for the kinds the user may write). */
export interface ClaimRowActions {
  canDecide: (c: Claim) => boolean;
  onConfirm: (c: Claim) => Promise<void>;
  onRefuse: (c: Claim) => void;
}

interface Props {
  rows: Claim[];
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** On 待我确认 only. */
  actions?: ClaimRowActions;
  empty: string;
}

export type ClaimColumnKey = 'kind' | 'title' | 'date' | 'amount' | 'named' | 'owner' | 'status' | 'note' | 'decidedBy';
export interface ClaimColumn {
  key: ClaimColumnKey;
  title: string;
  text: (c: Claim) => string;
  /** The cell of the export, when it differs from the text (an amount as a plain number). */
  csv?: (c: Claim) => string;
}

/** The columns as text, for the table and the export alike (names, never ids; money in 元 from fen). */
export function claimColumns(t: Translate): ClaimColumn[] {
  return [
    { key: 'kind', title: t('claim.kind'), text: (c: Claim) => claimKindLabel(t, c.kind) },
    { key: 'title', title: t('claim.title'), text: (c: Claim) => c.title },
    { key: 'date', title: t('claim.date'), text: (c: Claim) => c.onDate },
    { key: 'amount', title: t('claim.amountYuan'), text: (c: Claim) => (c.amountFen === null ? t('common.none') : fenToYuanText(c.amountFen)), csv: (c: Claim) => (c.amountFen === null ? '' : fenToYuanText(c.amountFen).replace(/,/g, '')) },
    { key: 'named', title: t('claim.namedUnit'), text: (c: Claim) => c.namedUnit },
    { key: 'owner', title: t('claim.owningOrg'), text: (c: Claim) => c.owningOrgName ?? t('common.none') },
    { key: 'status', title: t('claim.status'), text: (c: Claim) => claimStatusLabel(t, c.status) },
    { key: 'note', title: t('claim.note'), text: (c: Claim) => c.note ?? '' },
    { key: 'decidedBy', title: t('claim.decidedBy'), text: (c: Claim) => c.decidedBy ?? '' },
  ];
}

export function ClaimsTable({ rows, loading, page, pageSize, onPage, actions, empty }: Props) {
  const t = useT();
  const text = Object.fromEntries(claimColumns(t).map((c) => [c.key, c])) as Record<ClaimColumnKey, ClaimColumn>;
  const id = (prefix: string, c: Claim) => `${prefix}-${claimKey(c)}`;
  const columns: TableColumnsType<Claim> = [
    { key: 'kind', title: text.kind.title, width: 110, render: (_, c) => text.kind.text(c) },
    { key: 'title', title: text.title.title, render: (_, c) => <span data-testid={id('claim-title', c)}>{c.title}</span> },
    { key: 'date', title: text.date.title, width: 105, render: (_, c) => c.onDate },
    {
      key: 'amount',
      title: text.amount.title,
      width: 120,
      align: 'right',
      render: (_, c) => (
        <span data-testid={id('claim-amount', c)} data-fen={c.amountFen ?? ''}>
          {text.amount.text(c)}
        </span>
      ),
    },
    { key: 'named', title: text.named.title, render: (_, c) => <span data-testid={id('claim-named', c)}>{c.namedUnit}</span> },
    { key: 'owner', title: text.owner.title, render: (_, c) => <span data-testid={id('claim-owner', c)}>{text.owner.text(c)}</span> },
    { key: 'status', title: text.status.title, width: 80, render: (_, c) => <ClaimStatusTag status={c.status} testId={id('claim-status', c)} /> },
    {
      key: 'note',
      title: text.note.title,
      render: (_, c) =>
        c.note ? (
          <Typography.Text data-testid={id('claim-note', c)} style={{ whiteSpace: 'pre-wrap' }}>
            {c.note}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    { key: 'decidedBy', title: text.decidedBy.title, width: 110, render: (_, c) => <span data-testid={id('claim-decided-by', c)}>{c.decidedBy ?? t('common.none')}</span> },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_, c) =>
        c.status === 'pending' && actions.canDecide(c) ? (
          <Space size={0}>
            <Popconfirm
              title={t('claim.confirmQuestion', { kind: claimKindLabel(t, c.kind), unit: c.namedUnit })}
              description={t('claim.confirmHint')}
              okText={t('claim.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={buttonWithTestId(id('claim-confirm-ok', c))}
              onConfirm={() => actions.onConfirm(c)}
            >
              <Button size="small" type="link" data-testid={id('claim-confirm', c)}>
                {t('claim.confirm')}
              </Button>
            </Popconfirm>
            <Button size="small" type="link" danger data-testid={id('claim-refuse', c)} onClick={() => actions.onRefuse(c)}>
              {t('claim.refuse')}
            </Button>
          </Space>
        ) : null,
    });
  }
  return (
    <Table<Claim>
      data-testid="claims-table"
      rowKey={claimKey}
      size="middle"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: empty }}
      onRow={(c) => rowWithTestId(id('claim-row', c), { 'data-kind': c.kind, 'data-status': c.status })}
      pagination={{ current: page, pageSize, showSizeChanger: true, showTotal: (n) => t('common.totalItems', { n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
      scroll={{ x: 1100 }}
      columns={columns}
    />
  );
}
