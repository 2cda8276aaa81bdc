import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bulletinText } from '../modules/bulletins/bulletins.input.ts';
import { extractBulletin } from '../modules/bulletins/bulletins.extract.ts';
import { importBulletin } from '../modules/bulletins/bulletins.service.ts';
import { findForLogin } from '../modules/users/users.repository.ts';
import { loadIdentity } from '../modules/users/users.identity.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { printJson, UsageError, withDatabase } from './runtime.ts';

const USAGE = '用法：xiezuo import bulletin <文件> --dry-run [--json]，或 xiezuo import bulletin <文件或文件夹> --user <用户名> [--json]';

/**
 * `xiezuo import bulletin FILE --dry-run [--json]`: what the importer reads from a bulletin, writing nothing.
 * `xiezuo import bulletin FILE|FOLDER --user NAME`: imports for review as that user, one document after another.
 */
export async function importCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'bulletin') throw new UsageError(USAGE);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, user: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`请给出一个简报文件（.txt 或 .docx）或一个文件夹。${USAGE}`);
  if (values['dry-run']) return dryRun(positionals[0], !!values.json);
  if (!values.user) throw new UsageError(`导入为待审核条目须指明导入人（--user），只查看抽取结果请加 --dry-run。${USAGE}`);
  return importForReview(positionals[0], values.user, !!values.json);
}

async function dryRun(file: string, json: boolean): Promise<number> {
  const result = extractBulletin(await bulletinText(file));
  if (json) {
    const { text: _text, ...rest } = result;
    printJson({ document: basename(file), ...rest, items: result.items.map(({ body: _b, ...it }) => it) });
    return 0;
  }
  process.stdout.write(`年份：${result.year ?? '未知'}（${result.year_basis}）\n条目：${result.items.length}\n`);
  for (const it of result.items) {
    const when = it.date_start ? (it.date_start === it.date_end ? it.date_start : `${it.date_start} 至 ${it.date_end}`) : '日期不详';
    process.stdout.write(`- [${it.section ?? '—'}] ${it.title}（${when}；${it.kind}）${it.amounts.length ? ` 金额 ${it.amounts.map((a) => a.text).join('、')}` : ''}${it.counts.length ? ` 数量 ${it.counts.map((c) => c.text).join('、')}` : ''}\n`);
  }
  return 0;
}

/** The bulletins in a folder and its subfolders (.txt, .docx), in name order; a file is itself. */
async function bulletinFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const out: string[] = [];
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (e.isDirectory()) out.push(...(await bulletinFiles(join(path, e.name))));
    else if (/\.(txt|docx)$/i.test(e.name) && !e.name.startsWith('~$')) out.push(join(path, e.name));
  }
  return out;
}

async function contextOf(db: Db, username: string): Promise<RequestContext> {
  const user = await findForLogin(db, username);
  const identity = user && (await loadIdentity(db, user.id));
  if (!identity) throw new AppError('VALIDATION', `没有可用的用户「${username}」（不存在或已停用）`, [{ path: '--user', message: '用户不存在' }]);
  if (!identity.permissions.has('activity:write')) throw new AppError('FORBIDDEN', `用户「${username}」没有「登记工作动态」权限，不能导入简报`, [{ path: '--user', message: '没有权限' }]);
  return { actor: { id: identity.userId, name: identity.username, orgId: identity.orgId }, ip: null, scope: identity.scope, permissions: identity.permissions };
}

export type Outcome = { file: string; result: 'created' | 'existing' | 'failed'; documentId?: number; items?: number; message?: string };

/** Imports every bulletin of a file or folder as the user, one document after another, each in its own transaction. */
export async function importFiles(db: Db, username: string, path: string, onEach: (o: Outcome, n: number, total: number) => void = () => {}): Promise<Outcome[]> {
  const files = await bulletinFiles(path);
  if (!files.length) throw new AppError('VALIDATION', `${path} 中没有 .txt 或 .docx 文件`, [{ path: 'file', message: '没有简报文件' }]);
  const ctx = await contextOf(db, username);
  const out: Outcome[] = [];
  for (const [i, file] of files.entries()) {
    let o: Outcome;
    try {
      const { created, document } = await importBulletin(db, ctx, { bytes: await readFile(file), name: basename(file) });
      o = { file, result: created ? 'created' : 'existing', documentId: document.id, items: document.drafts.length };
    } catch (err) {
      // A refused file is reported and the rest go on; anything else is a fault that stops the run.
      if (!(err instanceof AppError)) throw err;
      o = { file, result: 'failed', message: err.message };
    }
    out.push(o);
    onEach(o, i + 1, files.length);
  }
  return out;
}

async function importForReview(path: string, username: string, json: boolean): Promise<number> {
  const outcomes = await withDatabase(({ db }) =>
    importFiles(db, username, path, (o, n, total) => {
      if (!json) process.stderr.write(`[${n}/${total}] ${o.file}：${o.result === 'created' ? `新导入 ${o.items} 条（简报 ${o.documentId}）` : o.result === 'existing' ? `此前已导入（简报 ${o.documentId}）` : `失败：${o.message}`}\n`);
    }),
  );
  const count = (r: Outcome['result']) => outcomes.filter((o) => o.result === r).length;
  if (json) printJson(outcomes);
  else process.stdout.write(`共 ${outcomes.length} 份：新导入 ${count('created')}，此前已导入 ${count('existing')}，失败 ${count('failed')}。请在网页「简报导入」中逐条审核。\n`);
  return count('failed') ? 1 : 0;
}
