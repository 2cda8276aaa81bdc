import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { REPORT_DOCX_PATH, useAssessmentReport, type AssessmentArea } from './assessment.api.ts';
import { OpinionsCard } from './OpinionsCard.tsx';
import { SamplesCard } from './SamplesCard.tsx';
import { SampleChecklist } from './SampleChecklist.tsx';
import { ScopePicker } from '../indicators/ScopePicker.tsx';
import { periodFromUrl, scopeFromUrl } from '../indicators/indicatorScope.ts';
import { areaLabel } from '../indicators/indicatorFormat.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useDownload } from '../../ui/download.ts';
import { toInt, useUrlParams } from '../../ui/useUrlParams.ts';
import { rowWithTestId } from '../../ui/testIds.ts';

const PARAMS = ['district', 'pairing', 'region', 'year', 'sample'] as const;

/**
 * 自评报告 (/assessment): for a scope and year, what the report holds area by area and its DOCX, the paired side's
 * opinions (征求意见), and the samples a cross-check team draws from the records behind the figures (交叉核查), each
 * with its checklist (`?sample=ID`).
 */
export function AssessmentPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlParams(PARAMS);
  const scope = scopeFromUrl(params);
  const { year } = periodFromUrl({ year: params.year });
  const q = { ...scope, year };
  const report = useAssessmentReport(q);
  const r = report.data;
  const { download, busy } = useDownload();
  const sampleId = toInt(params.sample) ?? null;
  const scopeName = r?.scope.name ?? '';
  /** Opinions and samples change the report's counts: reload it after either. */
  const changed = () => report.reload();
  /** A verdict in the checklist changes the samples' counts: the list is fetched again. */
  const [checks, setChecks] = useState(0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="assessment-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.assessment')}
        </Typography.Title>
        <Space wrap>
          <ScopePicker scope={scope} period={{ year }} shown={r?.scope} onChange={(patch) => setParams({ ...patch, sample: null })} />
          <Button
            type="primary"
            icon={<DownloadOutlined aria-hidden />}
            loading={busy === REPORT_DOCX_PATH}
            onClick={() => download(REPORT_DOCX_PATH, q, t('asmt.reportFile', { scope: scopeName || t('asmt.report'), year }))}
            data-testid="assessment-download"
          >
            {t('asmt.download')}
          </Button>
        </Space>
      </Space>
      {r ? (
        <Typography.Text type="secondary" data-testid="assessment-heading" data-scope-kind={r.scope.kind}>
          {t('asmt.heading', { scope: r.scope.name, year: r.year })}
        </Typography.Text>
      ) : null}
      <ErrorAlert error={report.error} onRetry={report.reload} />
      <Card size="small" title={t('asmt.summary')} loading={report.loading && !r} data-testid="assessment-summary">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Table<AssessmentArea>
              rowKey="area"
              size="small"
              pagination={false}
              dataSource={r?.areas ?? []}
              onRow={(a) => rowWithTestId(`assessment-area-${a.area}`, { 'data-indicators': String(a.indicators), 'data-with-records': String(a.withRecords) })}
              columns={[
                { key: 'area', title: t('ind.area'), render: (_, a) => (locale === 'zh-CN' ? a.areaName : areaLabel(t, a.area)) },
                { key: 'indicators', title: t('asmt.indicators'), width: 120, align: 'right', dataIndex: 'indicators' },
                { key: 'withRecords', title: t('asmt.withRecords'), width: 160, align: 'right', render: (_, a) => `${a.withRecords} / ${a.indicators}` },
              ]}
            />
          </Col>
          <Col xs={24} lg={8}>
            <Space orientation="vertical" size="middle">
              <Statistic title={t('asmt.opinionsCount')} value={r?.opinions ?? 0} data-testid="assessment-opinions-count" />
              <Statistic title={t('asmt.samplesCount')} value={r?.samples ?? 0} data-testid="assessment-samples-count" />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                {t('asmt.reportNote')}
              </Typography.Paragraph>
            </Space>
          </Col>
        </Row>
      </Card>
      <OpinionsCard q={q} onChanged={changed} />
      <SamplesCard key={checks} q={q} onOpen={(id) => setParams({ sample: id })} onChanged={changed} />
      <SampleChecklist id={sampleId} onClose={() => setParams({ sample: null })} onChecked={() => setChecks((n) => n + 1)} />
    </Space>
  );
}
