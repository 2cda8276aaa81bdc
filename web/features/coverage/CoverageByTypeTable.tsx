import { Table } from 'antd';
import type { Coverage } from '../../../src/modules/pairings/pairings.contract.ts';
import { useT } from '../../ui/i18n.tsx';
import { pairingTypeLabel } from '../../ui/enums.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

type ByType = Coverage['byType'][number];

/** The API's per-type figures: pairings in force, townships and villages they reach. */
export function CoverageByTypeTable({ coverage }: { coverage: Coverage }) {
  const t = useT();
  return (
    <Table<ByType>
      data-testid="coverage-by-type"
      rowKey="type"
      size="small"
      pagination={false}
      dataSource={coverage.byType}
      onRow={(b) => rowWithTestId(`coverage-type-${b.type}`)}
      columns={[
        { key: 'type', title: t('pairing.type'), render: (_, b) => pairingTypeLabel(t, b.type) },
        { key: 'pairings', title: t('coverage.pairingsInForce'), dataIndex: 'pairings', align: 'right' },
        { key: 'townships', title: t('coverage.pairedUnits', { unit: t('coverage.unitNoun.4') }), dataIndex: 'townships', align: 'right' },
        { key: 'villages', title: t('coverage.pairedUnits', { unit: t('coverage.unitNoun.5') }), dataIndex: 'villages', align: 'right' },
      ]}
    />
  );
}
