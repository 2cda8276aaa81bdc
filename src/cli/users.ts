import { parseArgs } from 'node:util';
import readline from 'node:readline';
import type { Db } from '../platform/db/database.ts';
import { systemContext } from '../platform/context.ts';
import { invalidField } from '../platform/errors.ts';
import { createUser } from '../modules/users/users.service.ts';
import { countUsers } from '../modules/users/users.repository.ts';
import { resolveOrg } from '../modules/orgs/orgs.service.ts';
import { UsageError, withDatabase } from './runtime.ts';

/** Reads a password without echoing it when typed at a terminal; from the pipe otherwise. */
async function readPassword(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line.trim();
}

export async function createAdmin(db: Db, input: { username: string; displayName: string; password: string; org?: string }) {
  const orgId = input.org ? (await resolveOrg(db, input.org)).id : null;
  return createUser(db, { ...systemContext, actor: { id: null, name: 'cli' } }, { username: input.username, displayName: input.displayName, orgId, roles: ['sys_admin'], scopes: [], password: input.password }, { mustChangePassword: false });
}

/** `xiezuo users create-admin`: the first administrator (or another one), never with a default password. */
export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create-admin') throw new UsageError('users 支持 create-admin 子命令');
  const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' } } });
  if (!values.username) throw new UsageError('请用 --username 指定用户名');
  const password = process.env.XIEZUO_ADMIN_PASSWORD || (await readPassword('新管理员的密码：'));
  if (!password) throw invalidField('password', '未提供密码：请设置 XIEZUO_ADMIN_PASSWORD，或在提示时输入');
  const user = await withDatabase((d) => createAdmin(d.db, { username: values.username!, displayName: values.name ?? values.username!, password, org: values.org }));
  process.stdout.write(`已创建系统管理员 ${user.username}（编号 ${user.id}）\n`);
  return 0;
}

/** On first start without demo data: an administrator from XIEZUO_ADMIN_USERNAME/PASSWORD, or a hint. */
export async function ensureFirstAdmin(db: Db, log: (m: string) => void) {
  if ((await countUsers(db)) > 0) return;
  const username = process.env.XIEZUO_ADMIN_USERNAME;
  const password = process.env.XIEZUO_ADMIN_PASSWORD;
  if (username && password) {
    const user = await createAdmin(db, { username, displayName: username, password });
    log(`已按 XIEZUO_ADMIN_USERNAME 创建系统管理员 ${user.username}`);
    return;
  }
  log('尚无任何用户：请运行 npx xiezuo users create-admin --username admin 创建第一位系统管理员，');
  log('或在首次启动时设置 XIEZUO_ADMIN_USERNAME 与 XIEZUO_ADMIN_PASSWORD。');
}
