import {
  AlignmentType, BorderStyle, DocumentGridType, Footer, LineRuleType, PageNumber, Paragraph, TextRun,
  type IParagraphOptions, type IRunOptions, type ISectionPropertiesOptions, type IStylesOptions,
} from 'docx';
import { FONTS, PAGE, SIZES } from './editions.layout.ts';

/**
 * The GB/T 9704-2012 page in Word's units and the runs, paragraphs and footers built on it: shared
 * by every DOCX the platform prints in that layout (bulletins, the self-assessment report).
 */

/** Word measures in twentieths of a point (twips); 1 mm = 56.69 twips. */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const TEXT_WIDTH = mm(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
/** 225 mm of text height over 22 lines. */
export const LINE = Math.floor(mm(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) / PAGE.lines);
/** One character of 三号 (16 pt) in twips: indents are counted in characters. */
export const CHAR = SIZES.sanhao * 20;
/**
 * 28 characters across 156 mm is a pitch of 15.8 pt for 16 pt type: each character is drawn 0.2 pt
 * closer (run spacing, in twips). A docGrid with charSpace says the same, but LibreOffice lays it out
 * at about 17 characters a line, so only the line grid is used.
 */
const TIGHTEN = Math.round(TEXT_WIDTH / PAGE.chars - CHAR);

export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
export const run = (text: string, face: string, pt: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(face), size: pt * 2, ...(pt === SIZES.sanhao && { characterSpacing: TIGHTEN }), ...extra });
export const exact = { line: LINE, lineRule: LineRuleType.EXACT };
export const para = (children: TextRun[], o: Partial<IParagraphOptions> = {}) => new Paragraph({ spacing: exact, ...o, children });
export const rule = (size: number, color = '000000') => ({ style: BorderStyle.SINGLE, size, color, space: 1 });

/** "- N -" in 四号 宋体, on the outer side: right on odd pages, left on even ones, one character in. */
export const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZES.sihao * 20 } : { left: SIZES.sihao * 20 },
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: font(FONTS.pageNumber), size: SIZES.sihao * 2 })],
      }),
    ],
  });

/** Body type and the exact line pitch as the document's defaults. */
export const DOC_STYLES: IStylesOptions = { default: { document: { run: { font: font(FONTS.body), size: SIZES.sanhao * 2 }, paragraph: { spacing: exact } } } };

/** A4 with the standard's margins and line grid. */
export const PAGE_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
    margin: { top: mm(PAGE.topMm), bottom: mm(PAGE.bottomMm), left: mm(PAGE.leftMm), right: mm(PAGE.rightMm), header: mm(15), footer: mm(PAGE.bottomMm - 7 - 5) },
  },
  grid: { type: DocumentGridType.LINES, linePitch: LINE },
};
