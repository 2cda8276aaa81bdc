import { open as openFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../errors.ts';

/** What a zip (.xlsx, .docx) may unpack to before any reader (exceljs, mammoth) is given it. */
export interface ZipLimits {
  maxEntries: number;
  /** Each entry, declared and actually inflated. */
  maxEntryBytes: number;
  /** All entries together, declared and actually inflated. */
  maxTotalBytes: number;
  /** Entries the reader streams or skips (a streamed workbook's sheets, a document's images): each may reach maxTotalBytes… */
  bulkEntries?: RegExp;
  /** …while the others, which the reader holds whole, stay under this together. */
  maxHeldBytes?: number;
  /** Unpacked bytes per byte of the file… */
  maxRatio: number;
  /** …enforced only past this many unpacked bytes, so small files of repetitive XML pass. */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/** A sheet uploaded whole (≤ 20 MB) and read by readSheet. */
export const SHEET_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 100 * MB, maxTotalBytes: 100 * MB, maxRatio: 100, ratioFloorBytes: 10 * MB };
/** A bulk sales workbook streamed from disk: its sheets may be large, the rest (shared strings are cached) may not. */
export const SALES_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000, maxEntryBytes: 64 * MB, maxTotalBytes: 2048 * MB, bulkEntries: /^xl\/worksheets\/[^/]+\.xml$/, maxHeldBytes: 96 * MB, maxRatio: 100, ratioFloorBytes: 10 * MB,
};
/** A bulletin (.docx ≤ 10 MB): mammoth builds a tree of its XML (~60 bytes of memory per byte), so the XML must stay small; images are not read. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000, maxEntryBytes: 4 * MB, maxTotalBytes: 64 * MB, bulkEntries: /^word\/(media|embeddings)\//, maxHeldBytes: 6 * MB, maxRatio: 100, ratioFloorBytes: 10 * MB,
};

const ZIP64_SENTINEL = 0xffffffff;
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
/** A data descriptor is at most 24 bytes, a local header at least 30: a gap this small cannot hide an entry. */
const MAX_DESCRIPTOR = 24;

const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;
const sizeText = (n: number) => (n < MB ? `${n} 字节` : mb(n));

/**
 * Refuses a zip that would unpack to too much, before a reader unpacks it: the entry count, each
 * entry's declared size, the entries laid end to end as a streaming reader (exceljs) will meet them,
 * then every entry inflated as a stream, counting bytes and stopping as soon as a limit is crossed.
 * `label` names the file in the messages (「销售.xlsx」 or 上传的 Excel 文件).
 */
export async function checkZip(source: Buffer | string, limits: ZipLimits, label: string): Promise<void> {
  const refuse = (what: string, issue: string) => new AppError('VALIDATION', `${label}${what}，已拒绝：请确认这是正常保存的文件`, [{ path: 'file', message: issue }]);
  const size = typeof source === 'string' ? (await stat(source)).size : source.length;
  let zip: ZipFile;
  try {
    zip = typeof source === 'string' ? await yauzl.openPromise(source, { autoClose: false, validateEntrySizes: false }) : await yauzl.fromBufferPromise(source, { validateEntrySizes: false });
  } catch (err) {
    throw refuse(`不是有效的 zip 格式（${(err as Error).message}）`, '不是有效的 zip 文件');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw refuse(`包含 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries} 个`, '条目过多');
    const entries = await declaredEntries(zip, limits, size, refuse);
    await checkLayout(zip, entries, source, refuse);
    await inflateCounting(zip, entries, limits, size, refuse);
  } finally {
    zip.close();
  }
}

type Refuse = (what: string, issue: string) => AppError;

const isBulk = (e: Entry, limits: ZipLimits) => limits.bulkEntries?.test(e.fileName) ?? false;
const entryCap = (e: Entry, limits: ZipLimits) => (isBulk(e, limits) ? limits.maxTotalBytes : limits.maxEntryBytes);
const heldCap = (limits: ZipLimits) => limits.maxHeldBytes ?? limits.maxTotalBytes;

/** The central directory's entries, refused on what they declare: size, total, ratio, encryption, compression method. */
async function declaredEntries(zip: ZipFile, limits: ZipLimits, size: number, refuse: Refuse): Promise<Entry[]> {
  const entries: Entry[] = [];
  let total = 0;
  let held = 0;
  try {
    for await (const e of zip.eachEntry()) {
      if (e.isEncrypted()) throw refuse(`中的「${e.fileName}」已加密`, '已加密');
      if (!e.canDecodeFileData()) throw refuse(`中的「${e.fileName}」使用了不支持的压缩方式（${e.compressionMethod}）`, '压缩方式不支持');
      if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) throw refuse(`中的「${e.fileName}」声明的大小前后不一致`, 'zip 结构异常');
      if (e.uncompressedSize > entryCap(e, limits)) throw refuse(`中的「${e.fileName}」解压后为 ${mb(e.uncompressedSize)}，超过单个条目上限 ${mb(entryCap(e, limits))}`, '解压后过大');
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) throw refuse(`解压后超过 ${mb(limits.maxTotalBytes)} 上限`, '解压后过大');
      if (!isBulk(e, limits) && (held += e.uncompressedSize) > heldCap(limits)) throw refuse(`中需整体读入的部分解压后超过 ${mb(heldCap(limits))} 上限`, '解压后过大');
      entries.push(e);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(`的 zip 目录已损坏（${(err as Error).message}）`, '文件已损坏');
  }
  if (total > limits.ratioFloorBytes && total / Math.max(size, 1) > limits.maxRatio) {
    throw refuse(`的压缩比为 ${Math.round(total / size)}:1，超过上限 ${limits.maxRatio}:1`, '压缩比过高');
  }
  return entries.sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
}

/**
 * The entries must tile the file from byte 0 to the central directory, each local header agreeing
 * with its directory record: a streaming reader walks local headers, so nothing may hide between them.
 */
async function checkLayout(zip: ZipFile, entries: Entry[], source: Buffer | string, refuse: Refuse) {
  const bad = (why: string) => refuse(`的 zip 结构异常（${why}）`, 'zip 结构异常');
  let end = 0;
  let descriptor = false;
  for (const e of entries) {
    const gap = e.relativeOffsetOfLocalHeader - end;
    if (gap < 0 || gap > (descriptor ? MAX_DESCRIPTOR : 0)) throw bad(`「${e.fileName}」${gap < 0 ? '与前一条目重叠' : '前有未登记的数据'}`);
    let local;
    try {
      local = await zip.readLocalFileHeaderPromise(e);
    } catch (err) {
      throw bad(`「${e.fileName}」的本地头无法读取：${(err as Error).message}`);
    }
    descriptor = ((e.generalPurposeBitFlag | local.generalPurposeBitFlag) & 0x8) !== 0; // sizes follow the data
    const sizesAgree = descriptor || local.compressedSize === ZIP64_SENTINEL || (local.compressedSize === e.compressedSize && local.uncompressedSize === e.uncompressedSize);
    if (!local.fileName.equals(e.fileNameRaw) || local.compressionMethod !== e.compressionMethod || !sizesAgree) throw bad(`「${e.fileName}」的本地头与目录不一致`);
    end = local.fileDataStart + e.compressedSize;
  }
  if (!entries.length) return; // an empty zip: the reader will say the file is empty
  const tail = await readAt(source, end, MAX_DESCRIPTOR + CENTRAL_HEADER.length);
  const at = tail.indexOf(CENTRAL_HEADER);
  if (at < 0 || at > (descriptor ? MAX_DESCRIPTOR : 0)) throw bad('最后一个条目之后有未登记的数据');
}

async function readAt(source: Buffer | string, offset: number, length: number): Promise<Buffer> {
  if (typeof source !== 'string') return source.subarray(offset, offset + length);
  const fh = await openFile(source, 'r');
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(length), 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Every entry inflated as a stream and counted; the first byte past a limit stops it (nothing is kept). */
async function inflateCounting(zip: ZipFile, entries: Entry[], limits: ZipLimits, size: number, refuse: Refuse) {
  let total = 0;
  let held = 0;
  for (const e of entries) {
    const cap = entryCap(e, limits);
    const bulk = isBulk(e, limits);
    let bytes = 0;
    let raw: Readable;
    try {
      raw = await zip.openReadStreamPromise(e, { decodeFileData: false });
    } catch (err) {
      throw refuse(`中的「${e.fileName}」无法解压（${(err as Error).message}）`, '文件已损坏');
    }
    // Inflated here, not by yauzl, to see how much of the entry the deflate stream used.
    const inflate = e.compressionMethod === 8 ? createInflateRaw() : null;
    if (inflate) raw.on('error', (err) => inflate.destroy(err));
    const stream = inflate ? raw.pipe(inflate) : raw;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        total += chunk.length;
        if (bytes > e.uncompressedSize) throw refuse(`中的「${e.fileName}」实际解压大小超过其声明的 ${sizeText(e.uncompressedSize)}`, '实际大小与声明不符');
        if (bytes > cap) throw refuse(`中的「${e.fileName}」解压后超过单个条目上限 ${mb(cap)}`, '解压后过大');
        if (total > limits.maxTotalBytes) throw refuse(`解压后超过 ${mb(limits.maxTotalBytes)} 上限`, '解压后过大');
        if (!bulk && (held += chunk.length) > heldCap(limits)) throw refuse(`中需整体读入的部分解压后超过 ${mb(heldCap(limits))} 上限`, '解压后过大');
        if (total > limits.ratioFloorBytes && total / size > limits.maxRatio) throw refuse(`的压缩比超过上限 ${limits.maxRatio}:1（已解压 ${mb(total)}）`, '压缩比过高');
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw refuse(`中的「${e.fileName}」无法解压（${(err as Error).message}）`, '文件已损坏');
    } finally {
      raw.unpipe();
      raw.destroy();
      inflate?.destroy();
    }
    // Bytes after the deflate stream's end are skipped by zlib, but a streaming reader would look there for the next entry.
    if (inflate && inflate.bytesWritten !== e.compressedSize) throw refuse(`中的「${e.fileName}」的压缩数据之后有多余的内容`, 'zip 结构异常');
    if (bytes !== e.uncompressedSize) throw refuse(`中的「${e.fileName}」实际解压大小（${sizeText(bytes)}）与声明的 ${sizeText(e.uncompressedSize)} 不符`, '实际大小与声明不符');
  }
}
