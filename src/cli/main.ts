import { parseArgs } from 'node:util';
import { searchRegions } from '../modules/regions/regions.service.ts';
import { printError, printJson, UsageError, withDatabase } from './runtime.ts';
import { serve } from './serve.ts';
import { pairingsCommand } from './pairings.ts';
import { exportCommand } from './export.ts';
import { usersCommand } from './users.ts';
import { importCommand } from './import.ts';
import { indicatorsCommand } from './indicators.ts';
import { demoCommand } from './demo.ts';
import { backupCommand, migrateToPostgresCommand, restoreCommand } from './backup.ts';

const HELP = `协作 Xiezuo — 东西部协作与对口支援工作平台

用法：xiezuo <命令> [参数]

  serve [--demo] [--port N]          启动 API 与网页（首次启动自动迁移数据库、加载行政区划）
  migrate                            应用数据库迁移并加载行政区划
  demo                               向空数据库加载演示数据（含每种角色一个演示账号）
  demo --scale city|national [--seed N] [--json]
                                     向空数据库生成规模演示数据（上海16个区、五年工作；city 为十分之一），经 COPY 加载
  users create-admin --username U [--name 姓名] [--org 组织]
                                     创建系统管理员；密码取自 XIEZUO_ADMIN_PASSWORD 或提示输入
  regions find <地名> [--within 代码] [--limit N] [--json]
                                     按地名查找区划（简称、复合地名），歧义时列出全部候选
  pairings list [--org 组织] [--county 县] [--type 类型] [--year 年] [--json]
                                     结对关系（--org 含其下级单位）
  pairings coverage <县名或代码> [--year 年] [--json]
                                     某县（或州、乡镇）的乡镇、村结对覆盖情况
  export iati [--year 年] [--org 组织] > 文件.xml
                                     导出 IATI 2.03 活动文件（项目、预算、资金往来；--org 为帮扶方单位，含其下级单位）
  import bulletin <文件> --dry-run [--json]
                                     读取一期工作简报（.txt 或 .docx）：年份、条目、日期、金额、数量、双方单位（不写入数据库）
  import bulletin <文件或文件夹> --user <用户名> [--json]
                                     以该用户名义导入简报（文件夹含子文件夹中的全部 .txt、.docx），逐份生成待审核条目
  indicators [--region 代码|--district 组织编号|--pairing 结对编号] --year 年 [--quarter 季|--month 月] [--json]
                                     考核指标（按记录实时计算）：代码、名称、单位、数值
  indicators evidence <指标代码> [同上范围与期间] [--json]
                                     指标的佐证记录，每条记录计入的数值（合计即指标值）
  indicators rebuild                 按记录重算指标汇总（修改组织的东西部属性或区划之后）
  backup <文件>                      把当前数据库（嵌入式或 PostgreSQL）的全部表备份到一个文件（先写 .partial，完成后改名）
  restore <文件>                     把备份恢复到当前数据库（必须没有业务记录）；逐表核对行数与校验和，不符则全部回滚
  migrate-to-postgres <DATABASE_URL> 把嵌入式数据库（XIEZUO_DATA_DIR）迁移到一个空的 PostgreSQL 数据库，核对后说明如何切换

环境变量：DATABASE_URL（使用 PostgreSQL）、XIEZUO_DATA_DIR（嵌入式数据库目录，默认 ./data）、PORT（默认 8080）、
XIEZUO_ADMIN_USERNAME / XIEZUO_ADMIN_PASSWORD（首次启动时创建管理员）、XIEZUO_COOKIE_SECURE=1（HTTPS 部署）、
XIEZUO_BACKUP_DIR（服务定时备份的目录）/ XIEZUO_BACKUP_EVERY_HOURS（间隔，默认 24）/ XIEZUO_BACKUP_KEEP（保留份数，默认 7）、
DATABASE_READ_URL（只读副本）/ XIEZUO_READ_MAX_LAG_SECONDS（副本最大延迟，默认 5）、XIEZUO_TRUST_PROXY=1（反向代理之后）、
XIEZUO_LOG_LEVEL（日志级别，默认 info）、XIEZUO_SHUTDOWN_TIMEOUT_MS（停止超时，默认 25000）。运维说明见 docs/operations.md`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, port: { type: 'string' }, dev: { type: 'boolean' } } });
        return await serve({ demo: !!values.demo, port: values.port ? Number(values.port) : undefined });
      }
      case 'migrate':
        await withDatabase(async () => undefined, (m) => process.stdout.write(`${m}\n`));
        process.stdout.write('数据库已是最新。\n');
        return 0;
      case 'demo':
        return await demoCommand(rest);
      case 'regions':
        return await regionsCommand(rest);
      case 'pairings':
        return await pairingsCommand(rest);
      case 'users':
        return await usersCommand(rest);
      case 'export':
        return await exportCommand(rest);
      case 'import':
        return await importCommand(rest);
      case 'indicators':
        return await indicatorsCommand(rest);
      case 'backup':
        return await backupCommand(rest);
      case 'restore':
        return await restoreCommand(rest);
      case 'migrate-to-postgres':
        return await migrateToPostgresCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${HELP}\n`);
        return 0;
      default:
        throw new UsageError(`未知命令「${command}」`);
    }
  } catch (err) {
    return printError(err);
  }
}

async function regionsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'find') throw new UsageError('regions 只支持 find 子命令');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, within: { type: 'string' }, limit: { type: 'string' } },
  });
  const name = positionals.join('');
  if (!name) throw new UsageError('请给出要查找的地名，例如：xiezuo regions find 香格里拉');
  const result = await withDatabase((d) => searchRegions(d.db, { q: name, limit: Number(values.limit ?? 20), within: values.within }));
  if (values.json) printJson(result);
  else if (result.candidates.length === 0) process.stdout.write(`找不到地名「${name}」\n`);
  else {
    if (result.ambiguous) process.stdout.write(`「${name}」有 ${result.candidates.length} 个候选：\n`);
    for (const c of result.candidates) process.stdout.write(`${c.region.code}\t${c.region.fullName}\t(${c.match})\n`);
  }
  return result.candidates.length ? 0 : 1;
}
