import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../platform/errors.ts';
import { FONTS } from './editions.layout.ts';

const run = promisify(execFile);

/** LibreOffice's converter: XIEZUO_SOFFICE when set (empty: none), else soffice or libreoffice on the PATH. */
export function sofficePath(): string | null {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const set = process.env.XIEZUO_SOFFICE;
  if (set !== undefined) return set && executable(set) ? set : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) for (const name of ['soffice', 'libreoffice']) if (dir && executable(join(dir, name))) return join(dir, name);
  return null;
}

/** The official faces mapped to installed CJK faces (fonts-noto-cjk), for rendering on a machine without them. */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${[
    [FONTS.body, 'FangSong', 'Noto Serif CJK SC'],
    [FONTS.subheading, 'KaiTi', 'AR PL UKai CN', 'Noto Serif CJK SC'],
    [FONTS.heading, 'SimHei', 'Noto Sans CJK SC'],
    [FONTS.pageNumber, 'SimSun', 'Noto Serif CJK SC'],
    [FONTS.title, 'Noto Serif CJK SC'],
  ].map(([official, ...prefer]) => `<alias binding="same"><family>${official}</family><prefer>${prefer.map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`).join('\n  ')}
  <match target="pattern"><test name="family"><string>${FONTS.title}</string></test><edit name="weight" mode="assign"><const>bold</const></edit></match>
</fontconfig>
`;

let queue: Promise<unknown> = Promise.resolve();

/** DOCX → PDF through LibreOffice, one conversion at a time (each starts an office process). */
export function docxToPdf(docx: Buffer): Promise<Buffer> {
  const bin = sofficePath();
  if (!bin) {
    return Promise.reject(
      new AppError('UNAVAILABLE', '本服务器未安装 LibreOffice，无法生成 PDF。请下载 DOCX 后在 WPS 或 Word 中另存为 PDF，或请管理员安装 LibreOffice（Debian：apt-get install libreoffice-writer-nogui）', [
        { path: 'format', message: '不支持 PDF' },
      ]),
    );
  }
  const job = queue.then(() => convert(bin, docx));
  queue = job.catch(() => undefined);
  return job;
}

async function convert(bin: string, docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'xiezuo-pdf-'));
  try {
    await writeFile(join(dir, 'fonts.conf'), FONTS_CONF);
    await writeFile(join(dir, 'bulletin.docx'), docx);
    await run(bin, ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bulletin.docx')], {
      timeout: 120_000,
      env: { ...process.env, HOME: dir, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    });
    return await readFile(join(dir, 'bulletin.pdf'));
  } catch (err) {
    throw new AppError('INTERNAL', `LibreOffice 转换 PDF 失败：${(err as Error).message.split('\n')[0]}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
