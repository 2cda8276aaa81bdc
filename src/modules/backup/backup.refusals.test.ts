import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-db.ts';
import type { Database } from '../../platform/db/database.ts';
import { backupToFile } from './backup.writer.ts';
import { openBackup } from './backup.reader.ts';
import { readVerifiedBackup, restoreBackup } from './backup.restore.ts';
import { header, MAX_MANIFEST_BYTES, trailer } from './backup.format.ts';
import { tableChecksums, TRAILER_BYTES, withManifest } from './backup.test-support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xiezuo-test-${process.pid}_backup-bad-`));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
let good: string;
let target: Database;

beforeAll(async () => {
  const source = await openTestDatabase();
  await sql`insert into orgs (name, type, side) values ('备份测试单位', 'government', 'east')`.execute(source.db);
  good = at('good.xzbak');
  await backupToFile(source, good);
  target = await openTestDatabase();
});

const bytes = () => fs.readFileSync(good);

describe('a restore refuses a bad file before writing anything', () => {
  it('a file that is not a backup (bad magic)', async () => {
    const b = bytes();
    b.write('NOTABACK', 0, 'ascii');
    fs.writeFileSync(at('magic.xzbak'), b);
    await expect(readVerifiedBackup(at('magic.xzbak'))).rejects.toThrow(/不是协作备份文件（文件头不符）/);
  });

  it('a truncated file (no trailer), and a missing one with only its .partial', async () => {
    fs.writeFileSync(at('cut.xzbak'), bytes().subarray(0, Math.floor(bytes().length / 2)));
    await expect(readVerifiedBackup(at('cut.xzbak'))).rejects.toThrow(/不完整：缺少文件尾/);
    fs.writeFileSync(at('half.xzbak.partial'), bytes().subarray(0, 100));
    await expect(readVerifiedBackup(at('half.xzbak'))).rejects.toThrow(/只有未写完的 \.partial 文件/);
  });

  it('an oversized manifest', async () => {
    const b = bytes();
    b.writeUInt32BE(MAX_MANIFEST_BYTES + 1, b.length - TRAILER_BYTES + 16);
    fs.writeFileSync(at('huge.xzbak'), b);
    await expect(readVerifiedBackup(at('huge.xzbak'))).rejects.toThrow(/清单过大/);
  });

  it('a manifest changed after writing (checksum), and a damaged table stream', async () => {
    const b = bytes();
    const manifestAt = Number(b.readBigUInt64BE(b.length - TRAILER_BYTES + 8));
    b[manifestAt + 5] ^= 1;
    fs.writeFileSync(at('edited.xzbak'), b);
    await expect(readVerifiedBackup(at('edited.xzbak'))).rejects.toThrow(/清单校验和不符/);
    const { manifest } = await openBackup(good);
    const orgs = manifest.tables.find((t) => t.name === 'orgs')!;
    const d = bytes();
    d[orgs.offset + Math.floor(orgs.length / 2)] ^= 0xff;
    fs.writeFileSync(at('damaged.xzbak'), d);
    await expect(readVerifiedBackup(at('damaged.xzbak'))).rejects.toThrow(/表 orgs 的(压缩数据已损坏|数据与清单不符)/);
  });

  it('a table that unpacks beyond its manifest byte count (a bomb), even when the pre-check is skipped: rolled back', async () => {
    await withManifest(good, at('bomb.xzbak'), (m) => {
      const regions = m.tables.find((t) => t.name === 'regions')!;
      regions.bytes = 1000;
    });
    await expect(readVerifiedBackup(at('bomb.xzbak'))).rejects.toThrow(/表 regions 解压后超过清单所记的 1000 字节（疑似压缩炸弹）/);
    const before = await tableChecksums(target.db);
    await expect(restoreBackup(target, await openBackup(at('bomb.xzbak')))).rejects.toThrow(/疑似压缩炸弹/);
    expect(await tableChecksums(target.db)).toEqual(before);
  });

  it('a hand-made bomb: a small gzip of zeros claiming a few bytes', async () => {
    const section = gzipSync(Buffer.alloc(50 << 20, 0x41));
    const json = Buffer.from(JSON.stringify({
      format: 1, product: 'xiezuo', productVersion: '0.1.0', migration: '0001', createdAt: new Date().toISOString(), engine: 'pglite',
      tables: [{ name: 'audit_log', columns: ['id'], rows: 1, bytes: 10, sha256: '0'.repeat(64), offset: 16, length: section.length }],
    }));
    const { createHash } = await import('node:crypto');
    fs.writeFileSync(at('zeros.xzbak'), Buffer.concat([header(), section, json, trailer(16 + section.length, json.length, createHash('sha256').update(json).digest())]));
    await expect(readVerifiedBackup(at('zeros.xzbak'))).rejects.toThrow(/表 audit_log 解压后超过清单所记的 10 字节/);
  });

  it('a backup from a newer migration level than the code knows', async () => {
    await withManifest(good, at('newer.xzbak'), (m) => {
      m.migration = '9999';
    });
    const before = await tableChecksums(target.db);
    await expect(restoreBackup(target, await readVerifiedBackup(at('newer.xzbak')))).rejects.toThrow(/备份的迁移级别 9999 比本程序的 \d{4} 新/);
    expect(await tableChecksums(target.db)).toEqual(before);
  });
});
