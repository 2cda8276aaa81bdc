import type { Feature } from '../platform/feature.ts';
import { systemFeature } from '../modules/system/system.routes.ts';
import { regionsFeature } from '../modules/regions/regions.routes.ts';
import { placeTagsFeature } from '../modules/placetags/placetags.routes.ts';
import { orgsFeature } from '../modules/orgs/orgs.routes.ts';
import { pairingsFeature } from '../modules/pairings/pairings.routes.ts';
import { authFeature } from '../modules/auth/auth.routes.ts';
import { usersFeature } from '../modules/users/users.routes.ts';
import { auditFeature } from '../modules/audit/audit.routes.ts';
import { iatiFeature } from '../modules/iati/iati.routes.ts';
import { projectsFeature } from '../modules/projects/projects.routes.ts';
import { fundsFeature } from '../modules/funds/funds.routes.ts';
import { monitoringFeature } from '../modules/monitoring/monitoring.routes.ts';
import { personnelFeature } from '../modules/personnel/personnel.routes.ts';
import { laborFeature } from '../modules/labor/labor.routes.ts';
import { industryFeature } from '../modules/industry/industry.routes.ts';
import { activitiesFeature } from '../modules/activities/activities.routes.ts';
import { donationsFeature } from '../modules/donations/donations.routes.ts';
import { trainingFeature } from '../modules/training/training.routes.ts';
import { suppliersFeature } from '../modules/suppliers/suppliers.routes.ts';
import { productsFeature } from '../modules/products/products.routes.ts';
import { salesFeature } from '../modules/sales/sales.routes.ts';
import { bulletinsFeature } from '../modules/bulletins/bulletins.routes.ts';
import { editionsFeature } from '../modules/editions/editions.routes.ts';
import { claimsFeature } from '../modules/claims/claims.routes.ts';
import { indicatorsFeature } from '../modules/indicators/indicators.routes.ts';
import { assessmentFeature } from '../modules/assessment/assessment.routes.ts';
import { backupFeature } from '../modules/backup/backup.routes.ts';
import { demoFeature } from '../modules/demo/demo.seed.ts';

/**
 * The composition root's list: every feature the product serves, in the order its routes are
 * registered, its startup work runs (shutdown runs in reverse) and its demo records load. A new feature is one folder under
 * src/modules plus one line here.
 */
export const FEATURES: Feature[] = [
  systemFeature,
  regionsFeature,
  placeTagsFeature,
  orgsFeature,
  pairingsFeature,
  authFeature,
  usersFeature,
  auditFeature,
  iatiFeature,
  projectsFeature,
  fundsFeature,
  monitoringFeature,
  personnelFeature,
  laborFeature,
  industryFeature,
  activitiesFeature,
  donationsFeature,
  trainingFeature,
  suppliersFeature,
  productsFeature,
  salesFeature,
  bulletinsFeature,
  editionsFeature,
  claimsFeature,
  indicatorsFeature,
  assessmentFeature,
  backupFeature,
  demoFeature,
];
