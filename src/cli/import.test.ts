import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.ts';
import { importFiles } from './import.ts';

const t = useTestApp();
const dir = mkdtempSync(join(tmpdir(), 'xiezuo-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bulletin = (day: number) => `【工作动态】\n8月${day}日，区合作交流办赴香格里拉市开展消费帮扶对接，采购农产品${day}万元。\n\n某区合作交流办\n2024年8月31日\n`;

describe('xiezuo import bulletin FOLDER --user NAME', () => {
  it('imports every bulletin of a folder and its subfolders as the user, one by one; a refused file does not stop the rest', async () => {
    mkdirSync(join(dir, '2024', '八月'), { recursive: true });
    writeFileSync(join(dir, '2024', '第1期.txt'), bulletin(3));
    writeFileSync(join(dir, '2024', '八月', '第2期.txt'), bulletin(9));
    writeFileSync(join(dir, '2024', '空.txt'), '');
    writeFileSync(join(dir, '2024', '封面.png'), 'not a bulletin');
    const clerk = await t.userWith({ roles: ['city_admin'] });
    const seen: string[] = [];
    const outcomes = await importFiles(t.database.db, clerk.username, join(dir, '2024'), (o, n, total) => seen.push(`${n}/${total} ${o.result}`));
    expect(outcomes.map((o) => [o.file.slice(dir.length), o.result, o.items ?? o.message])).toEqual([
      ['/2024/八月/第2期.txt', 'created', 1],
      ['/2024/第1期.txt', 'created', 1],
      ['/2024/空.txt', 'failed', expect.stringContaining('空')],
    ]);
    expect(seen).toEqual(['1/3 created', '2/3 created', '3/3 failed']);
    const docs = await t.database.db.selectFrom('bulletin_documents').select(['file_name', 'actor_name']).where('id', 'in', outcomes.filter((o) => o.documentId).map((o) => o.documentId!)).execute();
    expect(docs.every((d) => d.actor_name === clerk.username)).toBe(true);

    // Again: nothing new.
    expect((await importFiles(t.database.db, clerk.username, join(dir, '2024', '第1期.txt')))[0]).toMatchObject({ result: 'existing' });
  });

  it('refuses an unknown user, a user who may not record activities, and a folder without bulletins', async () => {
    await expect(importFiles(t.database.db, 'nobody-here', dir)).rejects.toThrow('没有可用的用户');
    const reader = await t.userWith({ roles: ['reader'] });
    await expect(importFiles(t.database.db, reader.username, join(dir, '2024'))).rejects.toThrow('没有「登记工作动态」权限');
    mkdirSync(join(dir, 'empty'));
    await expect(importFiles(t.database.db, reader.username, join(dir, 'empty'))).rejects.toThrow('没有 .txt 或 .docx 文件');
  });
});
