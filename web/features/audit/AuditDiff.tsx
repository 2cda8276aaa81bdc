import { Col, Row, Typography, theme } from 'antd';
import type { AuditEntry } from './audit.api.ts';
import { useT } from '../../ui/i18n.tsx';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v, null, 2) ?? 'undefined';

/** One side: an object key by key (keys whose value differs from the other side are highlighted), or any JSON as is. */
function Side({ value, other, testId }: { value: unknown; other: unknown; testId: string }) {
  const t = useT();
  const { token } = theme.useToken();
  const style = { margin: 0, padding: 8, background: token.colorFillQuaternary, borderRadius: 6, fontSize: 12, whiteSpace: 'pre-wrap' as const, wordBreak: 'break-all' as const };
  if (value === null || value === undefined) {
    return (
      <pre style={style} data-testid={testId}>
        <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
      </pre>
    );
  }
  if (!isRecord(value)) return <pre style={style} data-testid={testId}>{show(value)}</pre>;
  const compare = isRecord(other);
  return (
    <pre style={style} data-testid={testId}>
      {Object.entries(value).map(([key, v]) => {
        const changed = compare && show(v) !== show((other as Record<string, unknown>)[key]);
        return (
          <div key={key} data-changed={changed || undefined} style={changed ? { background: token.colorWarningBg } : undefined}>
            <span style={{ color: token.colorPrimary }}>{JSON.stringify(key)}</span>: {show(v)}
          </div>
        );
      })}
    </pre>
  );
}

/** The expanded row: before and after side by side. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <Row gutter={16} data-testid={`audit-diff-${entry.id}`}>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <Side value={entry.before} other={entry.after} testId={`audit-before-${entry.id}`} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <Side value={entry.after} other={entry.before} testId={`audit-after-${entry.id}`} />
      </Col>
    </Row>
  );
}
