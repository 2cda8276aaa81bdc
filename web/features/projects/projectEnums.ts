import type { ProjectCategory, ProjectLevel, ProjectStatus, FUND_SOURCES } from '../../../src/modules/projects/projects.contract.ts';
import type { FundKind } from '../../../src/modules/funds/funds.contract.ts';
import type { ASSET_KINDS, INSPECTION_KINDS } from '../../../src/modules/monitoring/monitoring.contract.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

/**
 * The project module's enum codes, listed here so the bundle does not pull in zod (the contracts build zod schemas).
 * `Record<Code, true>` makes the compiler fail when the backend adds or drops a code.
 */
const levelSet: Record<ProjectLevel, true> = { city: true, district: true, xieshou: true, village_enterprise: true, social: true };
const categorySet: Record<ProjectCategory, true> = {
  industry: true,
  infrastructure: true,
  rural_tourism: true,
  drinking_water: true,
  living_environment: true,
  education: true,
  health: true,
  employment: true,
  other: true,
};
const statusSet: Record<ProjectStatus, true> = {
  reserve: true,
  submitted: true,
  reviewed: true,
  approved: true,
  in_progress: true,
  completed: true,
  accepted: true,
  handed_over: true,
  suspended: true,
  cancelled: true,
};
export type FundSource = keyof typeof FUND_SOURCES;
const fundSourceSet: Record<FundSource, true> = { shanghaiFen: true, integratedFen: true, socialFen: true, selfFen: true };
const fundKindSet: Record<FundKind, true> = { allocate: true, disburse: true, spend: true, return: true };
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export type AssetKind = keyof typeof ASSET_KINDS;
const inspectionKindSet: Record<InspectionKind, true> = { spot_check: true, inspection: true };
const assetKindSet: Record<AssetKind, true> = { operating: true, public_welfare: true, household: true };

export const PROJECT_LEVEL_CODES = Object.keys(levelSet) as ProjectLevel[];
export const PROJECT_CATEGORY_CODES = Object.keys(categorySet) as ProjectCategory[];
export const PROJECT_STATUS_CODES = Object.keys(statusSet) as ProjectStatus[];
export const FUND_SOURCE_CODES = Object.keys(fundSourceSet) as FundSource[];
export const FUND_KIND_CODES = Object.keys(fundKindSet) as FundKind[];
export const INSPECTION_KIND_CODES = Object.keys(inspectionKindSet) as InspectionKind[];
export const ASSET_KIND_CODES = Object.keys(assetKindSet) as AssetKind[];
/** Money may move from 批复 until the project is closed (projects.lifecycle.ts FUNDABLE). */
export const FUNDABLE_STATUSES: ProjectStatus[] = ['approved', 'in_progress', 'completed', 'accepted'];
/** Assets are registered once the work is done (monitoring.service.ts). */
export const ASSET_STATUSES: ProjectStatus[] = ['completed', 'accepted'];
/** Progress is reported while the work is under way (monitoring.service.ts). */
export const PROGRESS_STATUSES: ProjectStatus[] = ['approved', 'in_progress', 'suspended', 'completed'];

export const PROJECT_STATUS_COLORS: Record<ProjectStatus, string> = {
  reserve: 'default',
  submitted: 'cyan',
  reviewed: 'geekblue',
  approved: 'blue',
  in_progress: 'processing',
  completed: 'green',
  accepted: 'success',
  handed_over: 'purple',
  suspended: 'warning',
  cancelled: 'error',
};

export const projectLevelLabel = (t: Translate, code: string) => label(t, 'projectLevel', code);
export const projectCategoryLabel = (t: Translate, code: string) => label(t, 'projectCategory', code);
export const projectStatusLabel = (t: Translate, code: string) => label(t, 'projectStatus', code);
export const fundSourceLabel = (t: Translate, code: string) => label(t, 'fundSource', code);
export const fundKindLabel = (t: Translate, code: string) => label(t, 'fundKind', code);
export const inspectionKindLabel = (t: Translate, code: string) => label(t, 'inspectionKind', code);
export const assetKindLabel = (t: Translate, code: string) => label(t, 'assetKind', code);

/** The label of the step from → to (恢复 from 暂停 has its own), from the catalog; the API's label as fallback. */
export function stepLabel(t: Translate, from: string, to: string, fallback?: string): string {
  const text = label(t, from === 'suspended' && to !== 'cancelled' ? 'step.resume' : 'step', to);
  return text === to && fallback ? fallback : text;
}
