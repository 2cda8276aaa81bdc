import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, TabStopType, type Paragraph } from 'docx';
import { FONTS, RED, SIZES, type Layout } from './editions.layout.ts';
import { CHAR, DOC_STYLES, LINE, PAGE_PROPERTIES, TEXT_WIDTH, pageNumber, para, rule, run } from './editions.typeset.ts';

function masthead(l: Layout): Paragraph[] {
  const m = l.masthead;
  return [
    para([run(m.title, FONTS.title, SIZES.erhao, { color: RED })], { alignment: AlignmentType.CENTER, spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT } }),
    para([run(m.number, FONTS.body, SIZES.sanhao)], { alignment: AlignmentType.CENTER }),
    // Editing unit on the left, date on the right, over the red rule (版头分隔线).
    para([run(m.editor, FONTS.body, SIZES.sanhao), run(`\t${m.date}`, FONTS.body, SIZES.sanhao)], {
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
    }),
    para([]),
  ];
}

function toc(l: Layout): Paragraph[] {
  if (!l.toc) return [];
  const out = [para([run('本期目录', FONTS.heading, SIZES.sanhao)], { alignment: AlignmentType.CENTER })];
  for (const s of l.toc) {
    if (s.heading) out.push(para([run(s.heading, FONTS.heading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
    s.titles.forEach((t, i) => out.push(para([run(`${i + 1}.${t}`, FONTS.body, SIZES.sanhao)], { indent: { left: 2 * CHAR } })));
  }
  out.push(para([]));
  return out;
}

function body(l: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  if (l.correction) out.push(para([run(l.correction, FONTS.subheading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
  for (const s of l.sections) {
    if (s.heading) out.push(para([run(s.heading, FONTS.heading, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR } }));
    for (const it of s.items) {
      out.push(para([run(it.title, FONTS.subheading, SIZES.sanhao, { bold: true })], { alignment: AlignmentType.CENTER }));
      for (const p of it.paragraphs) out.push(para([run(p, FONTS.body, SIZES.sanhao)], { indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.BOTH }));
    }
  }
  return out;
}

/** 版记: the distribution lines between a thick first and last rule, thin rules between, 四号, one character in. */
function distribution(l: Layout): Paragraph[] {
  const lines = [...l.distribution.map((d) => `${d.label}：${d.names}`), ...(l.copies ? [l.copies] : [])];
  if (!lines.length) return [];
  return [
    para([]),
    ...lines.map((text, i) =>
      para([run(text, FONTS.body, SIZES.sihao)], {
        indent: { left: SIZES.sihao * 20, right: SIZES.sihao * 20 },
        alignment: l.copies && i === lines.length - 1 ? AlignmentType.RIGHT : AlignmentType.LEFT,
        border: { ...(i === 0 ? { top: rule(8) } : {}), bottom: rule(i === lines.length - 1 ? 8 : 4) },
      }),
    ),
  ];
}

/** The edition as a Word document in the GB/T 9704-2012 layout. */
export async function editionDocx(l: Layout): Promise<Buffer> {
  const doc = new Document({
    title: `${l.masthead.title} ${l.masthead.number}`,
    creator: l.masthead.editor,
    evenAndOddHeaderAndFooters: true,
    styles: DOC_STYLES,
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: [...masthead(l), ...toc(l), ...body(l), ...distribution(l)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
