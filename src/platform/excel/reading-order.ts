import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * A workbook's zip entries streamed with the workbook's own parts (relations, workbook.xml, shared
 * strings, styles) before the sheets. exceljs's stream reader spills a sheet that comes before the
 * shared strings (as in files exceljs itself writes) to a temp file, and then now and again ends the
 * archive early and reads that sheet without its strings — every text cell an object (about 1 file in
 * 1,000). Read in this order, sheets are parsed straight from the zip: no spill, no race. The entries'
 * bytes are copied as they are (local header, data, descriptor), then the original central directory
 * (a stream reader goes by the local headers; the directory's offsets no longer match, so this is for streaming only).
 * A zip this cannot lay out (ZIP64, overlapping entries) is streamed as it is.
 */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const EOCD = 0x06054b50;
const EOCD_MIN = 22;
const EOCD_SEARCH = EOCD_MIN + 0xffff;

type Range = { start: number; end: number };

/** The central directory's offset, from the end record in the file's last 64 KB. */
function centralDirectoryOffset(tail: Buffer, size: number): number | null {
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const offset = tail.readUInt32LE(i + 16);
    return offset === 0xffffffff || offset > size ? null : offset;
  }
  return null;
}

async function entryOffsets(zip: yauzl.ZipFile): Promise<{ name: string; offset: number }[]> {
  const out: { name: string; offset: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      out.push({ name: e.fileName, offset: e.relativeOffsetOfLocalHeader });
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/** The byte ranges to stream, in reading order, or null when the layout is not one to rearrange. */
function layout(entries: { name: string; offset: number }[], cd: number, size: number): Range[] | null {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  const ranges = new Map<string, Range>();
  for (let i = 0; i < sorted.length; i++) {
    const end = i + 1 < sorted.length ? sorted[i + 1].offset : cd;
    if (end <= sorted[i].offset || ranges.has(sorted[i].name)) return null;
    ranges.set(sorted[i].name, { start: sorted[i].offset, end });
  }
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  const ordered = [...sorted].sort((a, b) => rank(a.name) - rank(b.name) || a.offset - b.offset).map((e) => ranges.get(e.name)!);
  return [...ordered, { start: cd, end: size }];
}

/** From a workbook in memory. */
export async function xlsxBufferInReadingOrder(file: Buffer): Promise<Readable> {
  try {
    const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: false });
    const tailStart = Math.max(0, file.length - EOCD_SEARCH);
    const cd = centralDirectoryOffset(file.subarray(tailStart), file.length);
    const ranges = cd === null ? null : layout(await entryOffsets(zip), cd, file.length);
    if (ranges) return Readable.from(ranges.map((r) => file.subarray(r.start, r.end)));
  } catch {
    // not a zip this can lay out: exceljs reads it as it is and reports what is wrong with it
  }
  return Readable.from([file]);
}

/** From a workbook on disk, never whole in memory. */
export async function xlsxFileInReadingOrder(path: string): Promise<Readable> {
  try {
    const fh = await open(path, 'r');
    let size: number;
    let cd: number | null;
    try {
      size = (await fh.stat()).size;
      const tailStart = Math.max(0, size - EOCD_SEARCH);
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(size - tailStart), 0, size - tailStart, tailStart);
      cd = centralDirectoryOffset(buffer.subarray(0, bytesRead), size);
    } finally {
      await fh.close();
    }
    if (cd !== null) {
      const zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: false, autoClose: false });
      const ranges = layout(await entryOffsets(zip), cd, size);
      zip.close();
      if (ranges) {
        return Readable.from((async function* () {
          for (const r of ranges) if (r.end > r.start) yield* createReadStream(path, { start: r.start, end: r.end - 1, highWaterMark: 256 * 1024 });
        })());
      }
    }
  } catch {
    // as above: the file is read as it is
  }
  return createReadStream(path, { highWaterMark: 256 * 1024 });
}
