import { App, Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, CloudUploadOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { megabytes, READINESS_CHECKS, useBackups, useHealth, useReadiness, useRunBackup, type BackupItem, type Health, type Readiness } from './system.api.ts';
import { saveCsv } from '../../ui/csv.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert, useErrorReporter } from '../../ui/errors.tsx';
import { useT, type MessageKey, type Translate } from '../../ui/i18n.tsx';
import { rowWithTestId } from '../../ui/testIds.ts';

const ENGINE_LABELS: Record<Health['engine'], MessageKey> = { pglite: 'system.engine.pglite', postgres: 'system.engine.postgres' };
const CHECK_LABELS: Record<(typeof READINESS_CHECKS)[number], MessageKey> = {
  database: 'system.check.database',
  migrations: 'system.check.migrations',
  lock: 'system.check.lock',
};

const checkLabel = (t: Translate, name: string) => (name in CHECK_LABELS ? t(CHECK_LABELS[name as keyof typeof CHECK_LABELS]) : t('system.check.other'));

/** The checks in display order: the known ones first, then any the server adds. */
function orderedChecks(readiness: Readiness) {
  const names = Object.keys(readiness.checks);
  const known = READINESS_CHECKS.filter((n) => names.includes(n)) as string[];
  return [...known, ...names.filter((n) => !known.includes(n))].map((name) => ({ name, check: readiness.checks[name] }));
}

function EngineCard({ health, loading }: { health: Health | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t('system.server')} loading={loading && !health} data-testid="system-server">
      {health ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'engine', label: t('system.engine'), children: <span data-testid="system-engine">{t(ENGINE_LABELS[health.engine])}</span> },
            { key: 'version', label: t('system.version'), children: <span data-testid="system-version">{health.version}</span> },
            {
              key: 'demo',
              label: t('system.demo'),
              children: (
                <span data-testid="system-demo">{health.demo ? <Tag color="orange">{t('system.demoOn')}</Tag> : t('system.demoOff')}</span>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

function ReadinessCard({ readiness, loading, onReload }: { readiness: Readiness | undefined; loading: boolean; onReload: () => void }) {
  const t = useT();
  const ready = readiness?.status === 'ok';
  return (
    <Card
      size="small"
      title={t('system.readiness')}
      loading={loading && !readiness}
      data-testid="system-readiness"
      extra={
        <Space>
          {readiness ? (
            <Tag color={ready ? 'success' : 'error'} data-testid="system-ready">
              {t(ready ? 'system.ready' : 'system.notReady')}
            </Tag>
          ) : null}
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload} data-testid="system-readiness-reload">
            {t('common.reload')}
          </Button>
        </Space>
      }
    >
      {readiness ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {orderedChecks(readiness).map(({ name, check }) => (
            <div key={name} data-testid={`system-check-${name}`} data-ok={String(check.ok)}>
              {check.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}{' '}
              <Typography.Text strong>{checkLabel(t, name)}</Typography.Text>
              {'：'}
              {check.ok ? (
                <Typography.Text type="success">✓ {t('system.checkOk')}</Typography.Text>
              ) : (
                <Typography.Text type="danger">{check.reason}</Typography.Text>
              )}
            </div>
          ))}
        </Space>
      ) : null}
    </Card>
  );
}

function LastBackupCard({ health }: { health: Health | undefined }) {
  const t = useT();
  if (!health) return null;
  const b = health.backup;
  return (
    <Card size="small" title={t('system.lastBackup')} data-testid="system-backup-last">
      {!b.enabled ? (
        <Alert type="warning" showIcon data-testid="system-backup-off" title={t('system.backupOff')} description={t('system.backupOffHint')} />
      ) : (
        <>
          {b.lastAt ? (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'at', label: t('system.backupTime'), children: <span data-testid="system-backup-last-time">{formatDateTime(b.lastAt)}</span> },
                { key: 'file', label: t('system.backupFile'), children: <span data-testid="system-backup-last-file">{b.file ?? '—'}</span> },
                { key: 'size', label: t('system.backupSize'), children: <span data-testid="system-backup-last-size">{megabytes(b.bytes)}</span> },
              ]}
            />
          ) : (
            <Typography.Text type="secondary" data-testid="system-backup-none">
              {t('system.backupNone')}
            </Typography.Text>
          )}
          {b.lastError ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="system-backup-error" title={t('system.backupLastError')} description={b.lastError} />
          ) : null}
        </>
      )}
    </Card>
  );
}

/**
 * 系统状态 (system administrators: user:write, as the backup routes): the database engine, version and demo flag,
 * the readiness checks of /readyz with their reasons, the last scheduled backup (or why there are none), the
 * backup files with a CSV export, and 立即备份.
 */
export function SystemPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const health = useHealth();
  const readiness = useReadiness();
  const backups = useBackups();
  const runBackup = useRunBackup();
  const items = backups.data?.items ?? [];

  const run = async () => {
    const key = 'system-backup-run';
    message.loading({ content: t('system.backupRunning'), key, duration: 0 });
    try {
      const made = await runBackup.run();
      message.success({ content: t('system.backupDone', { file: made.file, size: megabytes(made.bytes) }), key, duration: 6 });
    } catch (err) {
      message.destroy(key);
      report(err);
    } finally {
      health.reload();
      backups.reload();
    }
  };

  const exportList = () =>
    saveCsv(
      t('system.backupsExportFile'),
      [t('system.backupFile'), t('system.backupTime'), t('system.backupSizeMb'), t('system.backupBytes')],
      items.map((b) => [b.file, formatDateTime(b.time), (b.bytes / (1024 * 1024)).toFixed(2), b.bytes]),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="system-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.system')}
      </Typography.Title>
      <ErrorAlert error={health.error} onRetry={health.reload} />
      <EngineCard health={health.data} loading={health.loading} />
      <ErrorAlert error={readiness.error} onRetry={readiness.reload} />
      <ReadinessCard readiness={readiness.data} loading={readiness.loading} onReload={readiness.reload} />
      <LastBackupCard health={health.data} />
      <Card
        size="small"
        title={t('system.backups')}
        data-testid="system-backups"
        extra={
          <Space wrap>
            {backups.data?.running ? <Tag color="processing">{t('system.backupInProgress')}</Tag> : null}
            <Button type="primary" icon={<CloudUploadOutlined />} loading={runBackup.loading} onClick={run} data-testid="system-backup-run">
              {t('system.backupNow')}
            </Button>
            <Button icon={<DownloadOutlined />} disabled={items.length === 0} onClick={exportList} data-testid="system-backups-export">
              {t('system.backupsExport')}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={backups.error} onRetry={backups.reload} />
        <Table<BackupItem>
          data-testid="system-backups-table"
          rowKey="file"
          size="small"
          loading={backups.loading}
          dataSource={items}
          onRow={(b) => rowWithTestId(`system-backup-row-${b.file}`)}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.totalItems', { n }) }}
          locale={{ emptyText: t(backups.data && !backups.data.enabled ? 'system.backupOff' : 'system.backupsEmpty') }}
          columns={[
            { key: 'file', title: t('system.backupFile'), render: (_, b) => b.file },
            { key: 'time', title: t('system.backupTime'), width: 180, render: (_, b) => formatDateTime(b.time) },
            { key: 'size', title: t('system.backupSize'), width: 140, align: 'right', render: (_, b) => megabytes(b.bytes) },
          ]}
        />
      </Card>
    </Space>
  );
}
