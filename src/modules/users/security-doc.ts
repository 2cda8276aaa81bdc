import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../platform/db/database.ts';
import { ACTIONS, ACTION_CODES, ROLE_CODES } from '../../platform/access/actions.ts';
import * as repo from './users.repository.ts';

/**
 * docs/security.md's role tables, generated from the role data (roles, role_permissions — seeded
 * by the migrations): `node scripts/security-doc.mjs` rewrites them between the markers,
 * `--check` only compares; security-doc.test.ts fails with the differences when they drift.
 */
export const DOC_PATH = fileURLToPath(new URL('../../../docs/security.md', import.meta.url));
const BEGIN_TAG = '<!-- role-tables:begin';
export const BEGIN = '<!-- role-tables:begin — generated from roles and role_permissions by `node scripts/security-doc.mjs`; do not edit by hand -->';
export const END = '<!-- role-tables:end -->';
const SCOPE = { global: 'everything', entries: 'its scope entries' } as const;
const YES = '✓';

export interface RoleData {
  roles: { code: string; name: string; description: string; global_scope: boolean }[];
  grants: { role_code: string; action: string }[];
}

export async function loadRoleData(q: Queryable): Promise<RoleData> {
  const [roles, grants] = await Promise.all([repo.roles(q), repo.rolePermissions(q)]);
  return { roles: roles.map(({ code, name, description, global_scope }) => ({ code, name, description, global_scope })), grants };
}

/** Known codes first, in their declared order; anything else the data holds after them, sorted. */
const ordered = (known: readonly string[], present: Iterable<string>) => [...known.filter((c) => new Set(present).has(c)), ...[...new Set(present)].filter((c) => !known.includes(c)).sort()];
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const label = (action: string) => (ACTIONS as Record<string, string>)[action] ?? '（actions.ts 中没有此权限）';

export function renderRoleTables(data: RoleData): string {
  const roles = ordered(ROLE_CODES, data.roles.map((r) => r.code)).map((c) => data.roles.find((r) => r.code === c)!);
  const actions = ordered(ACTION_CODES, [...ACTION_CODES, ...data.grants.map((g) => g.action)]);
  const granted = new Set(data.grants.map((g) => `${g.role_code} ${g.action}`));
  return [
    BEGIN,
    row(['role', '名称', 'scope', 'description']),
    row(['---', '---', '---', '---']),
    ...roles.map((r) => row([`\`${r.code}\``, cell(r.name), r.global_scope ? SCOPE.global : SCOPE.entries, cell(r.description)])),
    '',
    row(['action', '说明', ...roles.map((r) => `\`${r.code}\``)]),
    row(['---', '---', ...roles.map(() => ':-:')]),
    ...actions.map((a) => row([`\`${a}\``, cell(label(a)), ...roles.map((r) => (granted.has(`${r.code} ${a}`) ? YES : ''))])),
    END,
  ].join('\n');
}

/** Where the generated part is: from the begin marker (whatever its comment says) to the end marker. */
function between(doc: string): { start: number; end: number } {
  const start = doc.indexOf(BEGIN_TAG);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/security.md 中缺少角色表的标记：${BEGIN_TAG} … --> 与 ${END}`);
  return { start, end: end + END.length };
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
const code = (c: string) => c.replace(/^`|`$/g, '');

/** The roles, their scope and every ✓ of the doc's tables, as role data; plus the action labels it shows. */
export function parseRoleTables(doc: string): RoleData & { labels: Map<string, string> } {
  const { start, end } = between(doc);
  const lines = doc.slice(start, end).split('\n').filter((l) => l.trim().startsWith('|'));
  const out: RoleData & { labels: Map<string, string> } = { roles: [], grants: [], labels: new Map() };
  let columns: string[] | null = null;
  for (const line of lines) {
    const cells = cellsOf(line);
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (cells[0] === 'role') continue;
    if (cells[0] === 'action') {
      columns = cells.slice(2).map(code);
      continue;
    }
    if (!columns) {
      out.roles.push({ code: code(cells[0]), name: cells[1], description: cells[3] ?? '', global_scope: cells[2] === SCOPE.global });
      continue;
    }
    const action = code(cells[0]);
    out.labels.set(action, cells[1]);
    columns.forEach((role, i) => {
      if (cells[i + 2]) out.grants.push({ role_code: role, action });
    });
  }
  return out;
}

/** What differs between the doc's tables and the role data, one line each (empty when they agree). */
export function compareRoleTables(doc: string, data: RoleData): string[] {
  const shown = parseRoleTables(doc);
  const problems: string[] = [];
  const docRoles = new Map(shown.roles.map((r) => [r.code, r]));
  for (const r of data.roles) {
    const d = docRoles.get(r.code);
    if (!d) problems.push(`role ${r.code}: in the roles table, missing from docs/security.md`);
    else {
      if (d.name !== r.name) problems.push(`role ${r.code}: name is 「${r.name}」 in the data, 「${d.name}」 in docs/security.md`);
      if (d.global_scope !== r.global_scope) problems.push(`role ${r.code}: scope is ${r.global_scope ? SCOPE.global : SCOPE.entries} in the data, ${d.global_scope ? SCOPE.global : SCOPE.entries} in docs/security.md`);
      if (d.description !== r.description) problems.push(`role ${r.code}: description is 「${r.description}」 in the data, 「${d.description}」 in docs/security.md`);
    }
  }
  for (const d of shown.roles) if (!data.roles.some((r) => r.code === d.code)) problems.push(`role ${d.code}: in docs/security.md, not in the roles table`);
  const key = (g: { role_code: string; action: string }) => `${g.role_code} ${g.action}`;
  const inData = new Set(data.grants.map(key));
  const inDoc = new Set(shown.grants.map(key));
  for (const g of [...inData].sort()) if (!inDoc.has(g)) problems.push(`+ ${g.replace(' ', ' may ')}: granted in role_permissions, not shown in docs/security.md`);
  for (const g of [...inDoc].sort()) if (!inData.has(g)) problems.push(`- ${g.replace(' ', ' may ')}: shown in docs/security.md, not granted in role_permissions`);
  for (const a of ACTION_CODES) {
    if (!shown.labels.has(a)) problems.push(`action ${a}: missing from docs/security.md's table`);
    else if (shown.labels.get(a) !== label(a)) problems.push(`action ${a}: labelled 「${shown.labels.get(a)}」 in docs/security.md, 「${label(a)}」 in actions.ts`);
  }
  return problems;
}

/** The doc with its tables regenerated from the data (everything outside the markers kept). */
export function withRoleTables(doc: string, data: RoleData): string {
  const { start, end } = between(doc);
  return doc.slice(0, start) + renderRoleTables(data) + doc.slice(end);
}

/**
 * `node scripts/security-doc.mjs [--check]`: the role data as the migrations seed it (a fresh
 * in-memory database, migrated) → docs/security.md's tables; --check prints the differences and
 * exits 1 instead of writing.
 */
export async function main(args: string[]): Promise<number> {
  const { openDatabase } = await import('../../platform/db/database.ts');
  const { migrate } = await import('../../platform/db/migrate.ts');
  const database = await openDatabase({ engine: 'pglite', dataDir: 'memory://security-doc' });
  let data: RoleData;
  try {
    await migrate(database.db);
    data = await loadRoleData(database.db);
  } finally {
    await database.close();
  }
  const doc = readFileSync(DOC_PATH, 'utf8');
  if (args.includes('--check')) {
    const problems = compareRoleTables(doc, data);
    for (const p of problems) console.log(p);
    console.log(problems.length ? `docs/security.md：角色表与 role_permissions 不一致（${problems.length} 处）；运行 node scripts/security-doc.mjs 重新生成` : 'docs/security.md：角色表与 role_permissions 一致');
    return problems.length ? 1 : 0;
  }
  const next = withRoleTables(doc, data);
  if (next !== doc) writeFileSync(DOC_PATH, next);
  console.log(next === doc ? 'docs/security.md：角色表已是最新' : 'docs/security.md：角色表已重新生成');
  return 0;
}
