import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import { compareRoleTables, DOC_PATH, loadRoleData, renderRoleTables, withRoleTables, type RoleData } from './security-doc.ts';

let data: RoleData;
const doc = readFileSync(DOC_PATH, 'utf8');

beforeAll(async () => {
  const database = await openTestDatabase();
  data = await loadRoleData(database.db);
});

describe("docs/security.md's role tables", () => {
  it('match roles and role_permissions of the migrated database', () => {
    const problems = compareRoleTables(doc, data);
    expect(problems, `docs/security.md 的角色表与 role_permissions 不一致 — 运行 node scripts/security-doc.mjs 重新生成:\n${problems.join('\n')}`).toEqual([]);
  });

  it('are exactly what the script generates (so regenerating changes nothing)', () => {
    expect(withRoleTables(doc, data)).toBe(doc);
  });

  it("name each difference: a grant the doc lacks, one the data lacks, a role's scope", () => {
    const changed: RoleData = {
      roles: data.roles.map((r) => (r.code === 'reader' ? { ...r, global_scope: true } : r)),
      grants: [...data.grants.filter((g) => !(g.role_code === 'district_admin' && g.action === 'project:approve')), { role_code: 'reader', action: 'org:write' }],
    };
    const stale = withRoleTables(doc, changed);
    expect(compareRoleTables(stale, data)).toEqual([
      'role reader: scope is its scope entries in the data, everything in docs/security.md',
      '+ district_admin may project:approve: granted in role_permissions, not shown in docs/security.md',
      '- reader may org:write: shown in docs/security.md, not granted in role_permissions',
    ]);
    expect(renderRoleTables(data)).toContain('| `project:approve` | 批复项目 | ✓ | ✓ | ✓ |');
  });

  it('refuses a doc without the markers, rather than passing vacuously', () => {
    expect(() => compareRoleTables('# no tables here', data)).toThrow(/标记/);
  });
});
