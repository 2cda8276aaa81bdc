/**
 * Bulletin text as offices have it — pasted from Word, extracted from PDF — made regular: conversion
 * artefacts ([image: …], [bookmark: …]) and page markers ("- 3 -") removed, full-width digits and
 * letters made half-width, spaces inside numbers and dates closed ("9 月 1 日" → "9月1日", "10 万元"
 * → "10万元"), and lines hard-wrapped mid-sentence joined again. Returns the lines (paragraphs; blank lines kept, they separate headings).
 */
export function normalizeText(raw: string): string[] {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0|\u3000/g, ' ');
  text = text.replace(/\[(?:image|bookmark|img|图片)[:：][^\]\n]*\]/gi, '');
  text = text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  text = text.replace(/([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?/g, (_m, y: string, m: string, d?: string) =>
    `${[...y].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join('')}年${chineseSmall(m)}月${d ? `${chineseSmall(d)}日` : ''}`,
  );
  text = text.replace(/^[ \t]*[●◆■□◇★☆▲►•·※][ \t]*/gm, ''); // list bullets before dated entries
  text = text.replace(/[．]/g, '.').replace(/[－—–]\s*(\d)/g, '-$1');
  // "9 月 1 日", "10 万元", "2 0 2 4 年": spaces between digits and the characters that follow numbers
  text = text.replace(/(\d)[ \t]+(?=[\d年月日号万亿元%.])/g, '$1').replace(/([年月至到])[ \t]+(?=\d)/g, '$1').replace(/(\d)[ \t]+(?=[.,]\d)/g, '$1');
  // "共 6 名专家", "一行 8 人": in Chinese text a space beside a number is a typesetting artefact
  text = text.replace(/([\u4e00-\u9fa5])[ \t]+(?=\d)/g, '$1').replace(/(\d)[ \t]+(?=[\u4e00-\u9fa5])/g, '$1');
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => !/^[-—–]\s*\d{1,3}\s*[-—–]$/.test(l)) // page markers "- 3 -"
    .filter((l) => !/^第?\s*\d{1,3}\s*页(\s*共\s*\d+\s*页)?$/.test(l));
  return joinBroken(unwrap(lines));
}

/**
 * A line that is plainly a sentence cut short — long, or with a full stop inside, but not ending one —
 * continues on the next text line, across blank lines and page breaks.
 */
function joinBroken(lines: string[]): string[] {
  const out: string[] = [];
  let open = -1;
  let gap = false;
  for (const line of lines) {
    if (!line) {
      if (open < 0) out.push('');
      gap = true;
      continue;
    }
    // Across a blank line (a page break) only a sentence continues, never a headline.
    const joins = open >= 0 && !/^[【\[]/.test(line) && (!gap || line.length > 48 || /[。，；]/.test(line));
    if (open >= 0 && !joins) out.push('');
    gap = false;
    if (joins) out[open] += line;
    else out.push(line);
    const at = joins ? open : out.length - 1;
    const text = out[at];
    open = !TERMINAL.test(text) && (text.length > 48 || /[。！？]/.test(text)) ? at : -1;
  }
  return out;
}

/** 一 … 三十一, for the month and day of a date written in Chinese numerals (二〇二四年四月十日). */
function chineseSmall(s: string): number {
  const d = (c: string) => '〇一二三四五六七八九'.indexOf(c);
  if (!s.includes('十')) return d(s);
  const [tens, ones] = s.split('十');
  return (tens ? d(tens) : 1) * 10 + (ones ? d(ones) : 0);
}

const TERMINAL = /[。！？；：!?;:”’」』）)】]$/;

/**
 * PDF extraction breaks paragraphs at the page width: a run of long lines of about the same length,
 * none ending a sentence, is one paragraph. The width is learnt from the document (the most common
 * length of long lines); short lines (headings) are never joined to the next.
 */
function unwrap(lines: string[]): string[] {
  const lengths = lines.filter((l) => l.length >= 20).map((l) => l.length);
  if (lengths.length < 5) return lines;
  const freq = new Map<number, number>();
  for (const n of lengths) freq.set(n, (freq.get(n) ?? 0) + 1);
  const [width, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  // Paragraph-per-line text (Word, pasted) has no common width: nothing to join.
  if (times < 3 || times / lengths.length < 0.15) return lines;
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    if (!line) {
      open = false;
      out.push('');
      continue;
    }
    if (open) out[out.length - 1] += line;
    else out.push(line);
    // A little short of the width still wraps: spaces closed inside numbers and dates shortened it.
    open = line.length >= width * 0.85 && !TERMINAL.test(line);
  }
  return out;
}
