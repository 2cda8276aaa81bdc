import { Table } from 'antd';
import { useT } from './i18n.tsx';
import type { RowError } from './sheets.ts';
import { rowWithTestId } from './testIds.ts';

/** The bad rows of an uploaded sheet (row, column, reason); rows get data-testid `{testId}-row-{row}`. */
export function RowErrorTable({ rows, testId }: { rows: RowError[]; testId: string }) {
  const t = useT();
  return (
    <Table<RowError>
      data-testid={testId}
      size="small"
      rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      onRow={(r) => rowWithTestId(`${testId}-row-${r.row}`)}
      columns={[
        { key: 'row', title: t('import.row'), width: 60, render: (_, r) => r.row },
        { key: 'column', title: t('import.column'), width: 120, render: (_, r) => r.column ?? '—' },
        { key: 'reason', title: t('import.reason'), render: (_, r) => r.reason },
      ]}
    />
  );
}
