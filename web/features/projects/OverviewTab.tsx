import { Alert, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { PlanTables } from './PlanTables.tsx';
import { FUND_SOURCE_CODES, fundSourceLabel, projectCategoryLabel, projectLevelLabel } from './projectEnums.ts';
import { useT } from '../../ui/i18n.tsx';
import { formatFenAsWan } from '../../ui/money.ts';

/** 四个明确: green when nothing is missing, otherwise the API's list of what submission still lacks. */
function ClaritiesCheck({ missing }: { missing: string[] }) {
  const t = useT();
  if (missing.length === 0) {
    return <Alert type="success" showIcon data-testid="project-clarities" data-met="true" title={t('project.clarities')} description={t('project.claritiesMet')} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="project-clarities"
      data-met="false"
      title={t('project.clarities')}
      description={
        <>
          {t('project.claritiesMissing')}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {missing.map((m) => (
              <li key={m} data-testid="project-clarity-missing">
                {m}
              </li>
            ))}
          </ul>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** 概况: the plan as recorded, the four clarities, budget, outputs, milestones, attachments. */
export function OverviewTab({ project: p, onChanged }: { project: Project; onChanged: () => void }) {
  const t = useT();
  const wan = (fen: number) => formatFenAsWan(fen, t('money.wan'));
  const count = (n: number | null, unit: string) => (n === null ? '—' : `${n} ${unit}`);
  const b = p.beneficiaries;
  const hh = t('project.householdsUnit');
  const ppl = t('project.peopleUnit');

  return (
    <div data-testid="project-overview">
      <ClaritiesCheck missing={p.missingForSubmission} />
      {p.status === 'reserve' ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('project.editHint')}
        </Typography.Paragraph>
      ) : null}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="project-plan" title={t('project.plan')}>
        <Descriptions.Item label={t('project.code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={t('project.years')}>{p.startYear === p.endYear ? p.startYear : `${p.startYear}–${p.endYear}`}</Descriptions.Item>
        <Descriptions.Item label={t('project.level')}>{projectLevelLabel(t, p.level)}</Descriptions.Item>
        <Descriptions.Item label={t('project.category')}>{projectCategoryLabel(t, p.category)}</Descriptions.Item>
        <Descriptions.Item label={t('project.place')}>
          {p.countyName && p.regionName && p.countyCode !== p.regionCode ? `${p.countyName} · ${p.regionName}` : (p.regionName ?? p.regionCode)}
        </Descriptions.Item>
        <Descriptions.Item label={t('project.eastOrg')}>{p.eastOrgId ? <Link to={`/orgs/${p.eastOrgId}`}>{p.eastOrgName ?? p.eastOrgId}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('project.ownerName')}>{p.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fund.planned')}>
          <span data-testid="project-planned">{wan(p.plannedFen)}</span>
        </Descriptions.Item>
        {FUND_SOURCE_CODES.map((s) => (
          <Descriptions.Item key={s} label={fundSourceLabel(t, s)}>
            {wan(p.funds[s])}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('fund.approved')}>{p.approvedFen === null ? t('fund.notApproved') : wan(p.approvedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('project.approvalDocNo')}>{p.approvalDocNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('project.content')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.content ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('project.benefitMechanism')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.benefitMechanism ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('project.expectedBenefits')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.expectedBenefits ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('project.beneficiaries')} span={2}>
          <span data-testid="project-beneficiaries">
            {t('project.households')} {count(b.households, hh)} · {t('project.people')} {count(b.people, ppl)} · {t('project.poorHouseholds')} {count(b.poorHouseholds, hh)} · {t('project.poorPeople')}{' '}
            {count(b.poorPeople, ppl)}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <PlanTables project={p} onChanged={onChanged} />
    </div>
  );
}
