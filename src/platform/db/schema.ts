import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables; each migration that adds a table adds its interface here. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

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

export interface DB extends AccountTables {
  schema_migrations: SchemaMigrationsTable;
  audit_log: AuditLogTable;
  regions: RegionsTable;
  regions_source: RegionsSourceTable;
  orgs: OrgsTable;
  pairings: PairingsTable;
  agreements: AgreementsTable;
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
