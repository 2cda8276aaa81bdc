import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { ChartRun } from 'docx/charts';
import { FONTS, SIZES } from '../editions/editions.layout.ts';
import { CHAR, DOC_STYLES, LINE, PAGE_PROPERTIES, TEXT_WIDTH, pageNumber, para, run } from '../editions/editions.typeset.ts';
import type { ReportBlock, ReportModel } from './assessment.report.ts';

/** 五号 (10.5 pt): tables of seven or twelve columns do not fit the 三号 body type across 156 mm. */
const TABLE_PT = 10.5;
const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const indented = { indent: { firstLine: 2 * CHAR } };

function table(b: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const widths = b.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const left = new Set(b.left ?? [0]);
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [new Paragraph({ spacing: single, alignment: head || !left.has(i) ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, head ? FONTS.heading : FONTS.body, TABLE_PT)] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

/** A native Word chart (its data in an embedded workbook, so 编辑数据 opens it), as wide as the text. */
function chart(b: Extract<ReportBlock, { kind: 'chart' }>): Paragraph {
  const height = Math.min(520, 120 + 44 * b.categories.length);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: single,
    children: [
      new ChartRun({
        type: 'bar',
        title: { text: b.title, font: { name: FONTS.heading, size: 12 } },
        font: { name: FONTS.body },
        categories: b.categories,
        series: b.series,
        dataLabels: { value: true },
        transformation: { width: 580, height },
      }),
    ],
  });
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para([run(b.text, FONTS.heading, SIZES.sanhao)], indented)];
    case 'subheading':
      return [para([run(b.text, FONTS.subheading, SIZES.sanhao)], indented)];
    case 'paragraph':
      return [para([run(b.text, FONTS.body, SIZES.sanhao)], { ...indented, alignment: AlignmentType.BOTH })];
    case 'note':
      return [para([run(b.text, FONTS.body, SIZES.sihao)], indented)];
    case 'appendix':
      return [para([run(b.text, FONTS.heading, SIZES.sanhao)], { pageBreakBefore: true })];
    case 'table':
      return [table(b), para([])];
    case 'chart':
      return [chart(b), para([])];
  }
}

/** The report as a Word document in the layout of the bulletins (GB/T 9704-2012): title, body, page numbers. */
export async function reportDocx(m: ReportModel): Promise<Buffer> {
  const doc = new Document({
    title: m.title,
    creator: 'Xiezuo 协作',
    evenAndOddHeaderAndFooters: true,
    styles: DOC_STYLES,
    sections: [
      {
        properties: PAGE_PROPERTIES,
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: [
          para([run(m.title, FONTS.title, SIZES.erhao)], { alignment: AlignmentType.CENTER, spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT } }),
          para([]),
          ...m.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
