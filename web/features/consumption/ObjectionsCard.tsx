import { Button, Card, Table, Tag } from 'antd';
import type { Product } from '../../../src/modules/products/products.contract.ts';
import type { Objection } from './productTypes.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

interface Props {
  product: Product;
  /** Given when the user may resolve objections now (nextActions has resolve_objection). */
  onResolve?: (o: Objection) => void;
}

/** 公示异议: what was objected, by whom, and how it was resolved (成立/不成立); 处理 for the open ones. */
export function ObjectionsCard({ product: p, onResolve }: Props) {
  const t = useT();
  return (
    <Card size="small" title={t('objection.title')} data-testid="product-objections">
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={p.objections}
        locale={{ emptyText: t('objection.none') }}
        onRow={(o) => rowWithTestId(`objection-row-${o.id}`, { 'data-resolved': String(o.upheld !== null), 'data-upheld': o.upheld === null ? '' : String(o.upheld) })}
        columns={[
          { key: 'received', title: t('objection.receivedOn'), width: 110, render: (_, o) => o.receivedOn },
          { key: 'objector', title: t('objection.objector'), width: 120, render: (_, o) => o.objector ?? '—' },
          { key: 'content', title: t('objection.content'), render: (_, o) => <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div> },
          {
            key: 'resolution',
            title: t('objection.resolution'),
            render: (_, o) =>
              o.upheld === null ? (
                onResolve ? (
                  <Button size="small" type="primary" data-testid={`objection-resolve-${o.id}`} onClick={() => onResolve(o)}>
                    {t('productAction.resolve_objection')}
                  </Button>
                ) : (
                  <Tag color="orange">{t('objection.open')}</Tag>
                )
              ) : (
                <>
                  <Tag color={o.upheld ? 'red' : 'green'}>{t(o.upheld ? 'objection.upheld' : 'objection.rejected')}</Tag>
                  {o.resolvedOn} {o.resolution}
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}
