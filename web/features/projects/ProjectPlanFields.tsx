import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { plannedFenOf, yuanKeyOf, type ProjectFormValues } from './projectForm.ts';
import { FUND_SOURCE_CODES, PROJECT_CATEGORY_CODES, PROJECT_LEVEL_CODES, fundSourceLabel, projectCategoryLabel, projectLevelLabel } from './projectEnums.ts';
import { RegionSearchSelect } from '../regions/RegionSearchSelect.tsx';
import { useRegion } from '../regions/regions.api.ts';
import { OrgSearchSelect } from '../orgs/OrgSearchSelect.tsx';
import { useT } from '../../ui/i18n.tsx';
import { optionsOf } from '../../ui/enums.ts';
import { formatFenAsWan } from '../../ui/money.ts';

const FUND_TEST_IDS: Record<string, string> = { shanghaiFen: 'shanghai', integratedFen: 'integrated', socialFen: 'social', selfFen: 'self' };
const BENEFICIARY_FIELDS = [
  ['households', 'project.households', 'project.householdsUnit', 'households'],
  ['people', 'project.people', 'project.peopleUnit', 'people'],
  ['poorHouseholds', 'project.poorHouseholds', 'project.householdsUnit', 'poor-households'],
  ['poorPeople', 'project.poorPeople', 'project.peopleUnit', 'poor-people'],
] as const;

/** Name, years, level, category, place, organisations, funds by source (元), texts and beneficiaries. */
export function ProjectPlanFields({ form, project }: { form: FormInstance<ProjectFormValues>; project: Project | null }) {
  const t = useT();
  const region = useRegion(project?.regionCode);
  const funds = Form.useWatch('funds', form);
  const required = (field: string) => [{ required: true, message: t('project.required', { field }) }];
  const half = { xs: 24, md: 12 };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('project.name')} rules={[...required(t('project.name')), { whitespace: true, message: t('project.required', { field: t('project.name') }) }]}>
            <Input data-testid="project-form-name" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={t('project.code')} tooltip={t('project.codeHint')}>
            <Input data-testid="project-form-code" maxLength={50} placeholder={t('project.codeHint')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="startYear" label={t('project.startYear')} rules={required(t('project.startYear'))}>
            <InputNumber data-testid="project-form-start-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="endYear" label={t('project.endYear')} rules={required(t('project.endYear'))}>
            <InputNumber data-testid="project-form-end-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="level" label={t('project.level')} rules={required(t('project.level'))}>
            <Select data-testid="project-form-level" virtual={false} options={optionsOf(PROJECT_LEVEL_CODES, (c) => projectLevelLabel(t, c), 'project-form-level')} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="category" label={t('project.category')} rules={required(t('project.category'))}>
            <Select data-testid="project-form-category" virtual={false} options={optionsOf(PROJECT_CATEGORY_CODES, (c) => projectCategoryLabel(t, c), 'project-form-category')} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="regionCode" label={t('project.place')} extra={t('project.placeHint')} rules={required(t('project.place'))}>
            <RegionSearchSelect testId="project-form-region" levels={[3, 4, 5]} seed={region.data ? { code: region.data.code, fullName: region.data.fullName, level: region.data.level } : null} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="eastOrgId" label={t('project.eastOrg')}>
            <OrgSearchSelect testId="project-form-east-org" side="east" seed={project?.eastOrgId ? { id: project.eastOrgId, name: project.eastOrgName ?? String(project.eastOrgId) } : null} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ownerName" label={t('project.ownerName')}>
            <Input data-testid="project-form-owner" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('project.funds')}</Typography.Title>
      <Row gutter={16}>
        {FUND_SOURCE_CODES.map((s) => (
          <Col xs={12} md={6} key={s}>
            <Form.Item name={['funds', yuanKeyOf(s)]} label={fundSourceLabel(t, s)}>
              <InputNumber<number> data-testid={`project-form-fund-${FUND_TEST_IDS[s]}`} min={0} precision={2} step={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph data-testid="project-form-planned-total" type="secondary">
        {t('project.plannedTotal', { amount: formatFenAsWan(plannedFenOf(funds), t('money.wan')) })}
      </Typography.Paragraph>
      <Form.Item name="content" label={t('project.content')}>
        <Input.TextArea data-testid="project-form-content" rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="benefitMechanism" label={t('project.benefitMechanism')}>
        <Input.TextArea data-testid="project-form-benefit-mechanism" rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="expectedBenefits" label={t('project.expectedBenefits')}>
        <Input.TextArea data-testid="project-form-expected-benefits" rows={2} maxLength={5000} />
      </Form.Item>
      <Typography.Title level={5}>{t('project.beneficiaries')}</Typography.Title>
      <Row gutter={16}>
        {BENEFICIARY_FIELDS.map(([key, labelKey, unitKey, testId]) => (
          <Col xs={12} md={6} key={key}>
            <Form.Item name={['beneficiaries', key]} label={t(labelKey)}>
              <InputNumber data-testid={`project-form-${testId}`} min={0} precision={0} style={{ width: '100%' }} suffix={t(unitKey)} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
