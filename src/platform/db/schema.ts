import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables; each migration that adds a table adds its interface here. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

/** The unit that owns a fact record: only its scope may change or delete it (migration 0013). */
interface Owned {
  owning_org_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A figure credited to another unit counts for it once confirmed (migration 0013). */
interface Claimed {
  claim_status: ColumnType<ClaimStatus, ClaimStatus | undefined, ClaimStatus>;
  claim_note: ColumnType<string | null, string | null | undefined, string | null>;
  claim_decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  claim_decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
export type ClaimStatus = 'pending' | 'confirmed' | 'refused';

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: Json;
  after: Json;
}

export interface RegionsTable {
  code: string;
  name: string;
  short_name: string;
  level: number;
  parent_code: string | null;
}

export interface RegionsSourceTable {
  source: string;
  version: string;
  row_count: number;
  loaded_at: Generated<Date>;
  load_ms: number;
}

export interface OrgsTable {
  id: Generated<number>;
  name: string;
  type: string;
  side: 'east' | 'west';
  region_code: string | null;
  parent_id: number | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PairingsTable {
  id: Generated<number>;
  type: string;
  east_org_id: number;
  west_org_id: number;
  start_date: string;
  end_date: string | null;
  status: Generated<'active' | 'suspended' | 'ended'>;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AgreementsTable {
  id: Generated<number>;
  pairing_id: number;
  year: number;
  title: string | null;
  signed_on: string | null;
  pledged_fen: Generated<number>;
  document_no: string | null;
  note: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** A county's or a village's status by year from an official list (migration 0016); year_to null = still in force. */
export interface PlaceTagsTable {
  id: Generated<number>;
  region_code: string;
  tag: string;
  year_from: number;
  year_to: number | null;
  source_document: string;
  created_by: string;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface DB extends AccountTables, ProjectTables, ActivityTables, PersonnelTables, LaborTables, IndustryTables, ConsumptionTables, BulletinTables, BulletinEditionTables {
  schema_migrations: SchemaMigrationsTable;
  audit_log: AuditLogTable;
  regions: RegionsTable;
  regions_source: RegionsSourceTable;
  orgs: OrgsTable;
  pairings: PairingsTable;
  agreements: AgreementsTable;
  place_tags: PlaceTagsTable;
}

export interface RolesTable {
  code: string;
  name: string;
  description: string;
  global_scope: boolean;
}

export interface RolePermissionsTable {
  role_code: string;
  action: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number | null;
  status: Generated<'active' | 'locked' | 'disabled'>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Generated<Date>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: number;
  role_code: string;
}

export interface UserScopesTable {
  id: Generated<number>;
  user_id: number;
  org_id: number | null;
  region_code: string | null;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  csrf_token: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  actions: string[];
  created_at: Generated<Date>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AccountTables {
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_scopes: UserScopesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export interface ProjectsTable extends Owned {
  id: Generated<number>;
  code: string;
  name: string;
  start_year: number;
  end_year: number;
  level: string;
  category: string;
  status: Generated<string>;
  pairing_id: number | null;
  region_code: string;
  county_code: string;
  owner_name: string | null;
  owner_org_id: number | null;
  east_org_id: number | null;
  fund_shanghai_fen: Generated<number>;
  fund_integrated_fen: Generated<number>;
  fund_social_fen: Generated<number>;
  fund_self_fen: Generated<number>;
  approved_fen: number | null;
  approval_doc_no: string | null;
  content: string | null;
  benefit_mechanism: string | null;
  expected_benefits: string | null;
  households: number | null;
  people: number | null;
  poor_households: number | null;
  poor_people: number | null;
  suspended_from: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ProjectBudgetItemsTable {
  id: Generated<number>;
  project_id: number;
  item: string;
  amount_fen: number;
  sort: Generated<number>;
}

export interface ProjectOutputsTable {
  id: Generated<number>;
  project_id: number;
  description: string;
  quantity: ColumnType<string, number | string, number | string>;
  unit: string;
}

export interface ProjectMilestonesTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  due_on: string;
  done_on: string | null;
}

export interface ProjectAttachmentsTable {
  id: Generated<number>;
  project_id: number;
  file_name: string;
  note: string | null;
}

export interface ProjectTransitionsTable {
  id: Generated<number>;
  project_id: number;
  from_status: string;
  to_status: string;
  actor_id: number | null;
  actor_name: string;
  at: Generated<Date>;
  on_date: string;
  document_no: string | null;
  approved_fen: number | null;
  comment: string | null;
}

export interface FundTransactionsTable {
  id: Generated<number>;
  project_id: number;
  county_code: string;
  kind: 'allocate' | 'disburse' | 'spend' | 'return';
  amount_fen: number;
  on_date: string;
  document_no: string | null;
  note: string | null;
  status: Generated<'pending' | 'effective'>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface FundSignaturesTable {
  transaction_id: number;
  user_id: number;
  side: 'east' | 'west';
  signed_at: Generated<Date>;
}

export interface ProjectProgressTable {
  id: Generated<number>;
  project_id: number;
  on_date: string;
  percent: number;
  narrative: string;
  reported_by: string;
}

export interface ProjectInspectionsTable {
  id: Generated<number>;
  project_id: number;
  kind: 'spot_check' | 'inspection';
  on_date: string;
  inspector: string;
  findings: string;
}

export interface RectificationsTable {
  id: Generated<number>;
  project_id: number;
  county_code: string;
  inspection_id: number | null;
  finding: string;
  deadline: string;
  owner: string;
  status: Generated<'open' | 'closed'>;
  closed_on: string | null;
  evidence: string | null;
}

export interface ProjectAssetsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  kind: 'operating' | 'public_welfare' | 'household';
  value_fen: number;
  receiver_org_id: number | null;
  receiver_name: string;
  handed_over_on: string;
}

export interface ProjectTables {
  projects: ProjectsTable;
  project_budget_items: ProjectBudgetItemsTable;
  project_outputs: ProjectOutputsTable;
  project_milestones: ProjectMilestonesTable;
  project_attachments: ProjectAttachmentsTable;
  project_transitions: ProjectTransitionsTable;
  fund_transactions: FundTransactionsTable;
  fund_signatures: FundSignaturesTable;
  project_progress: ProjectProgressTable;
  project_inspections: ProjectInspectionsTable;
  rectifications: RectificationsTable;
  project_assets: ProjectAssetsTable;
}

export interface ActivitiesTable extends Owned {
  id: Generated<number>;
  type: string;
  title: string;
  start_date: string;
  end_date: string;
  county_code: string | null;
  lead_org_id: number | null;
  pairing_id: number | null;
  leader: string | null;
  delegation_size: number | null;
  narrative: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DonationsTable extends Owned, Claimed {
  id: Generated<number>;
  donor_org_id: number | null;
  donor_name: string | null;
  recipient_org_id: number | null;
  recipient_region: string | null;
  county_code: string | null;
  kind: 'cash' | 'goods';
  value_fen: number;
  purpose: string | null;
  donated_on: string;
  pairing_id: number | null;
  activity_id: number | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface TrainingsTable extends Owned, Claimed {
  id: Generated<number>;
  title: string;
  kind: 'training' | 'shadowing';
  organiser_org_id: number | null;
  organiser_name: string | null;
  place_region: string | null;
  in_shanghai: boolean;
  start_date: string;
  end_date: string;
  target_group: string;
  batches: number;
  participants: number;
  person_times: number;
  county_code: string | null;
  pairing_id: number | null;
  activity_id: number | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ActivityTables {
  activities: ActivitiesTable;
  activity_places: { activity_id: number; region_code: string };
  activity_orgs: { activity_id: number; org_id: number };
  activity_photos: { id: Generated<number>; activity_id: number; file_name: string };
  activity_links: { activity_id: number; kind: 'agreement' | 'donation' | 'project' | 'training'; target_id: number };
  donations: DonationsTable;
  donation_items: { id: Generated<number>; donation_id: number; item: string; quantity: ColumnType<string, number | string, number | string>; unit: string; value_fen: number | null };
  trainings: TrainingsTable;
}

export interface PersonsTable {
  id: Generated<number>;
  name: string;
  sex: 'male' | 'female' | null;
  origin_org_id: number | null;
  origin_unit: string | null;
  phone: string | null;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DispatchesTable {
  id: Generated<number>;
  person_id: number;
  category: string;
  team: 'education' | 'medical' | null;
  programme: string;
  batch: string | null;
  host_org_id: number | null;
  host_region: string | null;
  county_code: string;
  post: string | null;
  term_start: string;
  term_end: string;
  actual_end: string | null;
  status: Generated<'on_post' | 'rotated' | 'returned_early'>;
  replaces_id: number | null;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PersonnelTables {
  persons: PersonsTable;
  dispatches: DispatchesTable;
}

interface LaborRecordColumns extends Owned {
  id: Generated<number>;
  county_code: string;
  pairing_id: number | null;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface LaborPlacementsTable extends LaborRecordColumns {
  year: number;
  month: number;
  destination: 'shanghai' | 'other_east' | 'local';
  poor_count: number;
  monitored_count: number;
}

export interface LaborJobFairsTable extends LaborRecordColumns {
  held_on: string;
  title: string | null;
  region_code: string;
  organiser_org_id: number | null;
  organiser_name: string | null;
  employers: number;
  jobs_offered: number;
  attendees: number | null;
  placed: number;
}

export interface LaborWorkstationsTable extends LaborRecordColumns {
  name: string;
  region_code: string;
  operating_org_id: number | null;
  operator_name: string | null;
  opened_on: string;
  closed_on: string | null;
}

export interface LaborRetentionTable extends LaborRecordColumns {
  cohort_year: number;
  cohort_month: number;
  placed: number;
  employed_after_6m: number;
  followed_up_on: string | null;
}

export interface LaborTables {
  labor_placements: LaborPlacementsTable;
  labor_job_fairs: LaborJobFairsTable;
  labor_workstations: LaborWorkstationsTable;
  labor_retention: LaborRetentionTable;
}

/** 产业合作 (migration 0015): four record kinds in a recipient county, each with its pairing and owning unit. */
interface IndustryRecordColumns extends Owned {
  id: Generated<number>;
  county_code: string;
  place_code: string | null;
  pairing_id: number | null;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** numeric columns (亩) arrive as text. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface IndustryEnterprisesTable extends IndustryRecordColumns {
  name: string;
  origin_org_id: number | null;
  origin_name: string | null;
  origin_region: string | null;
  industry: string;
  signed_fen: number;
  actual_fen: Generated<number>;
  signed_on: string;
  jobs: number;
  poor_employed: number;
  monitored_employed: number;
  activity_id: number | null;
}

export interface IndustryParksTable extends IndustryRecordColumns {
  name: string;
  kind: string;
  area_mu: Numeric;
  established_on: string;
  enterprises: number;
  jobs: number;
}

export interface IndustryWorkshopsTable extends IndustryRecordColumns {
  name: string;
  operator_org_id: number | null;
  operator_name: string | null;
  opened_on: string;
  closed_on: string | null;
  employees: number;
  poor_employed: number;
  monitored_employed: number;
}

export interface IndustryFarmingTable extends IndustryRecordColumns {
  product: string;
  buyer_org_id: number | null;
  buyer_name: string | null;
  acreage_mu: Numeric;
  households: number;
  contract_fen: number;
  signed_on: string;
  activity_id: number | null;
}

export interface IndustryTables {
  industry_enterprises: IndustryEnterprisesTable;
  industry_parks: IndustryParksTable;
  industry_workshops: IndustryWorkshopsTable;
  industry_farming: IndustryFarmingTable;
}

export interface SuppliersTable extends Owned {
  id: Generated<number>;
  name: string;
  kind: string;
  region_code: string;
  county_code: string;
  registration_no: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  mechanisms: string[];
  mechanism_note: string | null;
  households_linked: number;
  people_linked: number;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CertificationRulesTable {
  id: number;
  required_departments: string[];
  notice_days: number;
  max_valid_months: number;
  updated_at: Timestamp;
}

export interface ProductsTable {
  id: Generated<number>;
  supplier_id: number;
  name: string;
  category: string;
  origin_region: string;
  county_code: string;
  specification: string;
  price_fen: number;
  unit: string;
  quality_documents: string[];
  benefit_note: string;
  status: string;
  applied_on: string;
  decision_reason: string | null;
  notice_start: string | null;
  notice_end: string | null;
  batch_no: string | null;
  certified_on: string | null;
  valid_until: string | null;
  last_reviewed_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ProductOpinionsTable {
  id: Generated<number>;
  product_id: number;
  department: string;
  agree: boolean;
  comment: string | null;
  given_on: string;
  user_id: number | null;
  created_at: Generated<Date>;
}

export interface ProductObjectionsTable {
  id: Generated<number>;
  product_id: number;
  received_on: string;
  objector: string | null;
  content: string;
  resolution: string | null;
  upheld: boolean | null;
  resolved_on: string | null;
  created_at: Generated<Date>;
}

export interface ProductStepsTable {
  id: Generated<number>;
  product_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  acted_on: string;
  document_no: string | null;
  comment: string | null;
  user_id: number | null;
  actor_name: string;
  created_at: Generated<Date>;
}

export interface SalesImportsTable {
  id: Generated<number>;
  file_name: string;
  format: 'csv' | 'xlsx';
  skip_invalid: boolean;
  status: 'queued' | 'checking' | 'loading' | 'done' | 'failed';
  phase_note: string | null;
  total_bytes: number;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  rows_valid: Generated<number>;
  rows_loaded: Generated<number>;
  error_count: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  duplicates: Generated<number>;
  user_id: number | null;
  actor_name: string;
  started_at: Generated<Date>;
  heartbeat_at: Generated<Date>;
  finished_at: Date | null;
  /** Who runs the import (migration 0014): a live runner is told from a dead one by host, pid and start time. */
  runner_host: string | null;
  runner_pid: number | null;
  runner_started_at: Date | null;
  runner_start_ticks: number | null;
}

export interface SalesTable extends Owned, Claimed {
  id: Generated<number>;
  sold_on: string;
  period_end: string | null;
  product_id: number | null;
  category: string;
  supplier_id: number | null;
  supplier_name: string | null;
  county_code: string;
  channel: string;
  buyer_type: string;
  credited_org_id: number | null;
  credited_name: string | null;
  amount_fen: number;
  quantity: ColumnType<string | null, number | string | null, number | string | null>;
  unit: string | null;
  households: number | null;
  activity_id: number | null;
  certified: boolean;
  dup_key: string;
  dup_status: Generated<'unique' | 'flagged' | 'duplicate' | 'distinct'>;
  import_id: number | null;
  source_row: number | null;
  note: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ConsumptionTables {
  suppliers: SuppliersTable;
  certification_rules: CertificationRulesTable;
  products: ProductsTable;
  product_opinions: ProductOpinionsTable;
  product_objections: ProductObjectionsTable;
  product_steps: ProductStepsTable;
  sales_imports: SalesImportsTable;
  sales: SalesTable;
}

export interface BulletinDocumentsTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  year: number | null;
  year_basis: string;
  issued_on: string | null;
  text: string;
  user_id: number | null;
  actor_name: string;
  created_at: Generated<Date>;
}

export interface BulletinDraftsTable {
  id: Generated<number>;
  document_id: number;
  item_no: number;
  title: string;
  section: string | null;
  date_start: string | null;
  date_end: string | null;
  kind: string;
  facts: ColumnType<unknown, string, string>;
  span_start: number;
  span_end: number;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  activity_id: number | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface BulletinTables {
  bulletin_documents: BulletinDocumentsTable;
  bulletin_drafts: BulletinDraftsTable;
}

export interface BulletinEditionsTable {
  id: Generated<number>;
  publisher_org_id: number;
  title: string;
  supplement: Generated<boolean>;
  year: number;
  issue_no: number;
  total_no: number;
  issued_on: string;
  editor: string;
  period_from: string | null;
  period_to: string | null;
  pairing_id: number | null;
  county_code: string | null;
  with_toc: Generated<boolean>;
  distribution: ColumnType<{ bao: string[]; song: string[]; fa: string[] }, string, string>;
  copies: number | null;
  corrects_id: number | null;
  status: Generated<'draft' | 'review' | 'issued'>;
  created_by: string;
  submitted_by: string | null;
  return_reason: string | null;
  issued_by: string | null;
  issued_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BulletinEditionItemsTable {
  id: Generated<number>;
  edition_id: number;
  position: number;
  section: string | null;
  title: string;
  body: string;
  activity_id: number | null;
}

export interface BulletinEditionTables {
  bulletin_editions: BulletinEditionsTable;
  bulletin_edition_items: BulletinEditionItemsTable;
}
