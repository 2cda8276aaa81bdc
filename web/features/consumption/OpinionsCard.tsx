import { Card, Table, Tag } from 'antd';
import type { Product, Rules } from '../../../src/modules/products/products.contract.ts';
import { DEPARTMENT_CODES, departmentLabel, type Department } from './consumptionEnums.ts';
import type { Opinion } from './productTypes.ts';
import { useT } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

type Row = { department: Department; opinion: Opinion | null; missing: boolean };

/** 初审意见: one row per required department (and any other that gave one); 待提交 for the missing ones. */
export function OpinionsCard({ product: p, rules }: { product: Product; rules: Rules | undefined }) {
  const t = useT();
  const wanted = new Set<Department>([...(rules?.requiredDepartments ?? []), ...p.missingOpinions, ...p.opinions.map((o) => o.department)]);
  const rows: Row[] = DEPARTMENT_CODES.filter((d) => wanted.has(d)).map((d) => ({ department: d, opinion: p.opinions.find((o) => o.department === d) ?? null, missing: p.missingOpinions.includes(d) }));
  const stateOf = (r: Row) => (r.opinion ? (r.opinion.agree ? 'agree' : 'disagree') : r.missing ? 'missing' : 'none');
  return (
    <Card size="small" title={t('opinion.title')} data-testid="product-opinions">
      <Table<Row>
        size="small"
        rowKey="department"
        pagination={false}
        dataSource={rows}
        onRow={(r) => rowWithTestId(`opinion-${r.department}`, { 'data-state': stateOf(r) })}
        columns={[
          { key: 'department', title: t('opinion.department'), width: 140, render: (_, r) => departmentLabel(t, r.department) },
          {
            key: 'state',
            title: t('opinion.opinion'),
            width: 110,
            render: (_, r) =>
              r.opinion ? <Tag color={r.opinion.agree ? 'green' : 'red'}>{t(r.opinion.agree ? 'opinion.agree' : 'opinion.disagree')}</Tag> : r.missing ? <Tag color="orange">{t('opinion.pending')}</Tag> : '—',
          },
          { key: 'comment', title: t('opinion.comment'), render: (_, r) => r.opinion?.comment ?? '—' },
          { key: 'date', title: t('opinion.givenOn'), width: 110, render: (_, r) => r.opinion?.givenOn ?? '—' },
          { key: 'user', title: t('opinion.userName'), width: 120, render: (_, r) => r.opinion?.userName ?? '—' },
        ]}
      />
    </Card>
  );
}
