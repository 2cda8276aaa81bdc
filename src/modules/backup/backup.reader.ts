import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';
import { DigestCounter } from './backup.export.ts';
import {
  FORMAT_VERSION, HEADER_BYTES, HEADER_MAGIC, manifest as manifestSchema, MAX_MANIFEST_BYTES, TRAILER_BYTES, TRAILER_MAGIC,
  type Manifest, type TableEntry,
} from './backup.format.ts';

export interface BackupFile {
  file: string;
  size: number;
  manifest: Manifest;
  /** A table's COPY text, unpacked no further than the manifest's byte count and checked against its digest at the end. */
  readTable(entry: TableEntry): AsyncIterable<Uint8Array>;
}

const refuse = (file: string, message: string) => new AppError('VALIDATION', `备份文件 ${file}：${message}`, [{ path: 'FILE', message }]);

/** Opens a backup after checking its header, trailer and manifest; nothing of its tables is unpacked yet. */
export async function openBackup(file: string): Promise<BackupFile> {
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat?.isFile()) throw refuse(file, fs.existsSync(`${file}.partial`) ? '不存在（只有未写完的 .partial 文件：备份未完成）' : '不存在');
  const size = stat.size;
  if (size < HEADER_BYTES + TRAILER_BYTES) throw refuse(file, `不完整（只有 ${size} 字节）`);
  const fh = await fsp.open(file, 'r');
  let parsed: Manifest;
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    await fh.read(head, 0, HEADER_BYTES, 0);
    if (!head.subarray(0, 8).equals(HEADER_MAGIC)) throw refuse(file, '不是协作备份文件（文件头不符）');
    const version = head.readUInt32BE(8);
    if (version !== FORMAT_VERSION) throw refuse(file, `格式版本 ${version} 不受支持（本程序读取版本 ${FORMAT_VERSION}）`);
    const tail = Buffer.alloc(TRAILER_BYTES);
    await fh.read(tail, 0, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!tail.subarray(0, 8).equals(TRAILER_MAGIC)) throw refuse(file, '不完整：缺少文件尾（文件被截断，或备份未写完）');
    const offset = Number(tail.readBigUInt64BE(8));
    const length = tail.readUInt32BE(16);
    if (length > MAX_MANIFEST_BYTES) throw refuse(file, `清单过大（${length} 字节，上限 ${MAX_MANIFEST_BYTES} 字节）`);
    if (offset < HEADER_BYTES || offset + length !== size - TRAILER_BYTES) throw refuse(file, '已损坏：文件尾所指的清单位置与文件长度不符');
    const json = Buffer.alloc(length);
    await fh.read(json, 0, length, offset);
    if (!createHash('sha256').update(json).digest().equals(tail.subarray(24, 56))) throw refuse(file, '已损坏：清单校验和不符');
    let value: unknown;
    try {
      value = JSON.parse(json.toString('utf8'));
    } catch {
      throw refuse(file, '已损坏：清单不是有效的 JSON');
    }
    const checked = manifestSchema.safeParse(value);
    if (!checked.success) throw refuse(file, `清单格式无效（${checked.error.issues[0]?.path.join('.') || '根'}：${checked.error.issues[0]?.message}）`);
    parsed = checked.data;
    checkSections(file, parsed, offset);
  } finally {
    await fh.close();
  }
  return { file, size, manifest: parsed, readTable: (entry) => readTable(file, entry) };
}

/** Table streams lie back to back between the header and the manifest, each named once. */
function checkSections(file: string, m: Manifest, manifestOffset: number) {
  let expected = HEADER_BYTES;
  const names = new Set<string>();
  for (const t of m.tables) {
    if (names.has(t.name)) throw refuse(file, `清单中表 ${t.name} 出现两次`);
    names.add(t.name);
    if (t.offset !== expected || t.length < 1) throw refuse(file, `表 ${t.name} 的数据位置与清单不符`);
    expected = t.offset + t.length;
  }
  if (expected !== manifestOffset) throw refuse(file, '表数据与清单之间的长度不符');
}

async function* readTable(file: string, entry: TableEntry): AsyncIterable<Uint8Array> {
  const counter = new DigestCounter();
  const gunzip = createGunzip();
  const source = fs.createReadStream(file, { start: entry.offset, end: entry.offset + entry.length - 1 });
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (counter.bytes + chunk.length > entry.bytes) {
        throw refuse(file, `表 ${entry.name} 解压后超过清单所记的 ${entry.bytes} 字节（疑似压缩炸弹），已拒绝`);
      }
      counter.add(chunk);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(file, `表 ${entry.name} 的压缩数据已损坏（${(err as Error).message}）`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  const got = counter.digest();
  if (got.bytes !== entry.bytes || got.rows !== entry.rows || got.sha256 !== entry.sha256) {
    throw refuse(file, `表 ${entry.name} 的数据与清单不符（${got.rows} 行 / ${got.bytes} 字节，清单为 ${entry.rows} 行 / ${entry.bytes} 字节，或校验和不同）`);
  }
}

/** Unpacks every table once and checks it against the manifest, before a restore touches any database. */
export async function verifyBackup(backup: BackupFile): Promise<void> {
  for (const t of backup.manifest.tables) {
    for await (const _ of backup.readTable(t)) {
      /* readTable checks the bounds and the digest */
    }
  }
}
