import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { AppError } from '../../platform/errors.ts';
import { checkZip, DOCX_ZIP_LIMITS } from '../../platform/files/zip-guard.ts';

export const MAX_BULLETIN_BYTES = 10 * 1024 * 1024;
const bad = (message: string) => new AppError('VALIDATION', message, [{ path: 'file', message }]);

/**
 * A bulletin's text from a file: .docx (a Word document, read with mammoth), or text (.txt, pasted,
 * PDF-extracted) in UTF-8. Empty files, binary files under a text name, a .docx that is not a zip,
 * other encodings and files over 10 MB are refused with a message that says which; a .docx must
 * pass the zip guard (DOCX_ZIP_LIMITS) before mammoth unpacks it.
 */
export async function bulletinText(path: string): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_BULLETIN_BYTES) throw bad(`文件超过 ${MAX_BULLETIN_BYTES / 1024 / 1024} MB，不像一期简报`);
  return bulletinTextOf(await readFile(path), path);
}

/** The same, from the bytes of an upload and its file name. */
export async function bulletinTextOf(bytes: Buffer, name: string): Promise<string> {
  if (bytes.length === 0) throw bad('文件是空的');
  if (bytes.length > MAX_BULLETIN_BYTES) throw bad(`文件超过 ${MAX_BULLETIN_BYTES / 1024 / 1024} MB，不像一期简报`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extname(name).toLowerCase() === '.docx' || zip) {
    if (!zip) throw bad('文件扩展名是 .docx，但内容不是 Word 文档（不是 zip 格式）');
    await checkZip(bytes, DOCX_ZIP_LIMITS, `文件「${basename(name)}」`);
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (err) {
      throw bad(`无法读取 Word 文档：${(err as Error).message}`);
    }
  }
  if (bytes.includes(0)) throw bad('文件不是文本：请提供 .txt（UTF-8）或 .docx');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw bad('文本文件须为 UTF-8 编码');
  }
}
