import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One zip entry: its raw deflate bytes, its real size and CRC, and the size its headers claim. */
export interface ZipPart {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
  declaredSize?: number;
  /** Written as a local entry but left out of the central directory (what only a streaming reader sees). */
  unlisted?: boolean;
}

export function partOf(name: string, content: string | Buffer): ZipPart {
  const data = Buffer.from(content);
  return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/**
 * `prefix + chunk × times + suffix` deflated without ever holding it: the chunk is deflated once with
 * a full flush (byte-aligned, no back-references across it), so its bytes can simply be repeated.
 */
export function repeatedPart(name: string, prefix: string, chunk: string, times: number, suffix: string): ZipPart {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const head = Buffer.from(prefix), body = Buffer.from(chunk), tail = Buffer.from(suffix);
  const bodyDeflated = deflateRawSync(body, flush);
  const deflated = Buffer.concat([deflateRawSync(head, flush), ...Array.from({ length: times }, () => bodyDeflated), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(body, crc);
  return { name, deflated, size: head.length + body.length * times + tail.length, crc: crc32(tail, crc) };
}

/** A zip of these parts, written by hand so sizes can lie and counts can pass 65,535 (zip64 end records). */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    if (!p.unlisted) centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const listed = parts.filter((p) => !p.unlisted).length;
  const ends: Buffer[] = [];
  if (listed > 0xffff) {
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeUInt16LE(45, 12);
    z64.writeUInt16LE(45, 14);
    z64.writeBigUInt64LE(BigInt(listed), 24);
    z64.writeBigUInt64LE(BigInt(listed), 32);
    z64.writeBigUInt64LE(BigInt(cdSize), 40);
    z64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    ends.push(z64, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(listed, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(listed, 0xffff), 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, ...ends, eocd]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const ROW = '<row r="2"><c r="A2" t="inlineStr"><is><t>培训</t></is></c><c r="B2"><v>1</v></c></row>';

/** The parts around a sheet that make a workbook exceljs opens. */
function workbookParts(): ZipPart[] {
  return [
    partOf('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    partOf('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    partOf('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    partOf('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
  ];
}

/** An .xlsx whose sheet1.xml unpacks to about `bytes` (deflated ~400:1); `declaredSize` makes its headers lie. */
export function xlsxBomb(bytes: number, declaredSize?: number): Buffer {
  return zipOf([...workbookParts(), { ...sheetBomb(bytes), declaredSize }]);
}

/** A sheet1.xml of about `bytes` of rows (at least one 4 MB chunk). */
export function sheetBomb(bytes: number, name = 'xl/worksheets/sheet1.xml'): ZipPart {
  const chunk = ROW.repeat(Math.ceil((4 << 20) / Buffer.byteLength(ROW)));
  return repeatedPart(name, SHEET_HEAD, chunk, Math.max(1, Math.ceil(bytes / Buffer.byteLength(chunk))), SHEET_TAIL);
}

/** A workbook of one sheet with this XML between <sheetData> and </sheetData>. */
export function xlsxWithSheetData(rowsXml: string): Buffer {
  return zipOf([...workbookParts(), partOf('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rowsXml}${SHEET_TAIL}`)]);
}

/** A small valid workbook with a bomb hidden before it: a local entry no central directory record names. */
export function xlsxWithHiddenEntry(hiddenBytes: number): Buffer {
  const sheet = partOf('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW}${SHEET_TAIL}`);
  return zipOf([{ ...sheetBomb(hiddenBytes), unlisted: true }, ...workbookParts(), sheet]);
}

/** A well-formed small workbook plus `extra` empty entries (a zip64 central directory past 65,535). */
export function xlsxWithEntries(extra: number): Buffer {
  const sheet = partOf('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW}${SHEET_TAIL}`);
  const empty = partOf('x', '');
  return zipOf([...workbookParts(), sheet, ...Array.from({ length: extra }, (_, i) => ({ ...empty, name: `xl/media/m${i}.bin` }))]);
}

const PARAGRAPH = '<w:p><w:r><w:t>12月5日，区总工会组织采购香格里拉市农特产品。</w:t></w:r></w:p>';

/** A .docx whose word/document.xml unpacks to about `bytes`. */
export function docxBomb(bytes: number, declaredSize?: number): Buffer {
  const chunk = PARAGRAPH.repeat(Math.ceil((4 << 20) / Buffer.byteLength(PARAGRAPH)));
  const doc = repeatedPart('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>', chunk, Math.ceil(bytes / Buffer.byteLength(chunk)), '</w:body></w:document>');
  return zipOf([
    partOf('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    partOf('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    { ...doc, declaredSize },
  ]);
}
