import { FONTS, PAGE, SIZES, type Layout } from './editions.layout.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The official face first, then the CJK faces a reader's machine is likely to have. */
const stack = (official: string, serif: boolean) =>
  `"${official}", ${serif ? '"FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif' : '"SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'}`;

const CSS = `
body { margin: 0; background: #f0f0f0; }
.page { box-sizing: content-box; width: ${PAGE.widthMm - PAGE.leftMm - PAGE.rightMm}mm; min-height: ${PAGE.heightMm - PAGE.topMm - PAGE.bottomMm}mm;
  margin: 12px auto; padding: ${PAGE.topMm}mm ${PAGE.rightMm}mm ${PAGE.bottomMm}mm ${PAGE.leftMm}mm; background: #fff;
  font: ${SIZES.sanhao}pt/${(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) / PAGE.lines}mm ${stack(FONTS.body, true)}; color: #000; }
.masthead h1 { margin: 0; text-align: center; color: #e00; font: ${SIZES.erhao}pt/2 ${stack(FONTS.title, true)}; letter-spacing: 0.1em; }
.number { text-align: center; }
.byline { display: flex; justify-content: space-between; border-bottom: 2px solid #e00; padding-bottom: 2mm; margin-bottom: 1em; }
h2 { font-size: ${SIZES.sanhao}pt; font-weight: normal; font-family: ${stack(FONTS.heading, false)}; margin: 0; text-indent: 2em; }
h3 { font-size: ${SIZES.sanhao}pt; font-weight: bold; font-family: ${stack(FONTS.subheading, true)}; margin: 0; text-align: center; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.toc { margin-bottom: 1em; } .toc h2 { text-align: center; text-indent: 0; } .toc li { list-style: none; }
.correction { font-family: ${stack(FONTS.subheading, true)}; }
.distribution { margin-top: 2em; font-size: ${SIZES.sihao}pt; border-top: 1px solid #000; border-bottom: 1px solid #000; }
.distribution div { padding: 0 1em; border-bottom: 0.5px solid #000; } .distribution div:last-child { border-bottom: 0; }
.copies { text-align: right; }
@media print { body { background: none; } .page { margin: 0; padding: 0; } @page { size: A4; margin: ${PAGE.topMm}mm ${PAGE.rightMm}mm ${PAGE.bottomMm}mm ${PAGE.leftMm}mm; } }
`;

/** The edition as one printable HTML page, laid out like its DOCX. */
export function editionHtml(l: Layout): string {
  const m = l.masthead;
  const toc = l.toc
    ? `<nav class="toc"><h2>本期目录</h2>${l.toc.map((s) => `${s.heading ? `<h2>${escape(s.heading)}</h2>` : ''}<ol>${s.titles.map((t, i) => `<li>${i + 1}.${escape(t)}</li>`).join('')}</ol>`).join('')}</nav>`
    : '';
  const sections = l.sections
    .map((s) => `<section>${s.heading ? `<h2>${escape(s.heading)}</h2>` : ''}${s.items.map((it) => `<article><h3>${escape(it.title)}</h3>${it.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article>`).join('')}</section>`)
    .join('');
  const lines = [...l.distribution.map((d) => `<div>${escape(d.label)}：${escape(d.names)}</div>`), ...(l.copies ? [`<div class="copies">${escape(l.copies)}</div>`] : [])];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(`${m.title} ${m.number}`)}</title><style>${CSS}</style></head>
<body><main class="page">
<header class="masthead"><h1>${escape(m.title)}</h1><div class="number">${escape(m.number)}</div><div class="byline"><span>${escape(m.editor)}</span><span>${escape(m.date)}</span></div></header>
${l.correction ? `<p class="correction">${escape(l.correction)}</p>` : ''}${toc}${sections}
${lines.length ? `<footer class="distribution">${lines.join('')}</footer>` : ''}
</main></body></html>`;
}
