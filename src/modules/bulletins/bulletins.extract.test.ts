import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBulletin } from './bulletins.extract.ts';
import { amountsIn, countsIn, datesIn } from './bulletins.facts.ts';
import { normalizeText } from './bulletins.text.ts';

const pdfLike = readFileSync(new URL('./fixtures/pdf-bulletin.txt', import.meta.url), 'utf8');

describe('reading a bulletin extracted from PDF', () => {
  const doc = extractBulletin(pdfLike);

  it('takes the year from the masthead and skips the table of contents and the distribution block', () => {
    expect(doc.year).toBe(2023);
    expect(doc.issued_on).toBe('2023-01-16');
    expect(doc.year_basis).toContain('报头');
    expect(doc.items.map((i) => [i.section, i.title])).toEqual([
      ['要闻', '区领导赴结对县考察对接'],
      ['要闻', '区卫健委组团式医疗帮扶队抵达迪庆州人民医院'],
      ['工作动态', '区总工会组织采购香格里拉市农特产品'],
      ['工作动态', '区教育局与香格里拉市教育局签订结对协议'],
      ['工作动态', '区人社局举办劳务协作专场招聘会'],
    ]);
  });

  it('joins the hard-wrapped paragraph across the page marker, closes spaces in numbers, and dates December in the year before', () => {
    const visit = doc.items[0];
    expect(visit.body).not.toContain('- 2 -');
    expect(visit.body).toContain('小中甸镇联合村乡村旅游项目和建塘镇');
    expect([visit.date_start, visit.date_end]).toEqual(['2022-12-20', '2022-12-22']);
    expect(visit.amounts).toEqual([{ yuan: 1_000_000, text: '100万元', approx: false, kind: 'donation' }]);
    expect(visit.counts.map((c) => [c.value, c.unit])).toEqual([[8, '人'], [5, '户']]);
    expect(visit.kind).toBe('visit'); // a visit that brought a donation: the donation is one of its facts
  });

  it('gives 近日 and 上旬 no date, reads approximate money, and suggests record kinds', () => {
    expect([doc.items[1].date_start, doc.items[1].date_end]).toEqual([null, null]);
    expect(doc.items[1].counts).toEqual([{ value: 6, unit: '名', text: '6名' }]);
    expect(doc.items[2].amounts).toEqual([{ yuan: 100_000_000, text: '1亿多元', approx: true, kind: 'sales' }]);
    expect(doc.items[2].counts).toEqual([{ value: 3000, unit: '户', text: '3000余户' }]);
    expect(doc.items[2].kind).toBe('sales');
    expect(doc.items[3].date_start).toBeNull();
    expect(doc.items[3].counts).toEqual([{ value: 3, unit: '所', text: '三所' }]);
    expect(doc.items[3].kind).toBe('signing');
    expect(doc.items[4].kind).toBe('labor');
    expect(doc.items[4].counts.map((c) => [c.value, c.unit])).toEqual([[1200, '个'], [86, '人']]);
  });
});

describe('facts', () => {
  it('reads date ranges in their written forms', () => {
    const d = (s: string) => datesIn(s, 2024).map((x) => [x.start, x.end]);
    expect(d('3月2日至3月3日')).toEqual([['2024-03-02', '2024-03-03']]);
    expect(d('3月11至12日')).toEqual([['2024-03-11', '2024-03-12']]);
    expect(d('8月19-23日')).toEqual([['2024-08-19', '2024-08-23']]);
    expect(d('8月3日-7日')).toEqual([['2024-08-03', '2024-08-07']]);
    expect(d('2020年3月25日下午')).toEqual([['2020-03-25', '2020-03-25']]);
    expect(d('3月起，今年1月底，2月30日')).toEqual([]);
  });

  it('tells money from other large numbers', () => {
    const a = (s: string) => amountsIn(s).map((x) => x.yuan);
    expect(a('共销售羊肚菌52.7万元')).toEqual([527_000]);
    expect(a('落实资金5000万，其中区级项目728万')).toEqual([50_000_000, 7_280_000]);
    expect(a('出资10万援助红十字会')).toEqual([100_000]);
    expect(a('覆盖10万人，种植5万亩，增长30%')).toEqual([]);
    expect(a('总投资3,500元')).toEqual([3500]);
  });

  it('counts things, not ordinals, years, dates, names or slogans', () => {
    const c = (s: string) => countsIn(s).map((x) => `${x.value}${x.unit}`);
    expect(c('第五批干部、2023年、3月3日、“十三五”、一学三促、民族团结一家亲')).toEqual([]);
    expect(c('坚持“两个确立”、落实八项规定、明确13个方面、直播3个小时')).toEqual([]);
    expect(c('一行7人，40余人，三所中学，两镇代表，46个项目，人次120人次')).toEqual(['7人', '40人', '3所', '2镇', '46个', '120人次']);
  });

  it('continues a sentence across a page break, but never into the next headline', () => {
    const cut = '这是一段很长的正文，它在页尾被截断了，下面紧跟着的可能是下一篇的标题，也可能是它的续文，要看下一行是什么才能决定是否拼接';
    const lines = normalizeText(`${cut}\n\n- 3 -\n\n区领导赴结对县调研\n4月1日，区领导赴结对县调研。`).filter(Boolean);
    expect(lines).toEqual([cut, '区领导赴结对县调研', '4月1日，区领导赴结对县调研。']);
    expect(normalizeText(`${cut}\n\n- 4 -\n\n的续文在下一页，这一行是正文。`).filter(Boolean)).toEqual([`${cut}的续文在下一页，这一行是正文。`]);
  });

  it('normalises full-width digits, page markers and artefacts', () => {
    expect(normalizeText('２０２４年 ９ 月 １ 日[image: a.png]\n- 3 -\n第2页 共5页\n投入 1 0 万元')).toEqual(['2024年9月1日', '投入10万元']);
  });
});

describe('odd text', () => {
  it('gives no items, and no error, for text without structure, dates or amounts', () => {
    const doc = extractBulletin('这是一段没有标题、日期和金额的文字。它只是说明。');
    expect(doc.items).toEqual([]);
    expect(doc.year).toBeNull();
  });

  it('reads 10 MB of text in reasonable time without failing', () => {
    const entry = '12月5日，区总工会组织采购香格里拉市农特产品，销售额达12.5万元，带动30户脱贫户增收。\n';
    const big = `【工作动态】\n${entry.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(entry)))}`;
    const doc = extractBulletin(big);
    expect(doc.items.length).toBeGreaterThan(80_000);
    expect(doc.items.at(-1)!.amounts[0].yuan).toBe(125_000);
  });
});

describe('reading a Word-style bulletin with numbered sections and items', () => {
  const doc = extractBulletin(readFileSync(new URL('./fixtures/numbered-bulletin.txt', import.meta.url), 'utf8'));

  it('reads a masthead date in Chinese numerals and skips contents with leaders and page numbers', () => {
    expect(doc.year).toBe(2024);
    expect(doc.issued_on).toBe('2024-04-10');
    expect(doc.items.map((i) => [i.section, i.title, i.date_start, i.date_end])).toEqual([
      ['重要活动', '区委书记带队赴结对县考察', '2024-04-02', '2024-04-03'],
      ['重要活动', '区对口支援办召开消费帮扶推进会', null, null],
      ['工作动态', '区人社局组织专场招聘会', '2024-03-28', '2024-03-28'],
      ['工作动态', '区教育局选派第3批5名教师赴结对县支教', null, null],
    ]);
  });

  it('reads the facts of numbered items and bulleted entries', () => {
    expect(doc.items[0].amounts).toEqual([{ yuan: 30_000_000, text: '3000余万元', approx: true, kind: 'project_fund' }]);
    expect(doc.items[0].counts).toEqual([{ value: 12, unit: '人', text: '12人' }]);
    expect(doc.items[0].kind).toBe('visit'); // the headline says what it was; the signing is in its body
    expect(doc.items[1].amounts.map((a) => a.yuan)).toEqual([8_265_000]);
    expect(doc.items[2].counts.map((c) => `${c.value}${c.unit}`)).toEqual(['23家', '560个']);
    expect(doc.items[3].counts.map((c) => `${c.value}${c.unit}`)).toEqual(['5名']);
  });
});

describe('provenance', () => {
  it("gives every item the span of its text, from its headline to its last paragraph", () => {
    const doc = extractBulletin(pdfLike);
    for (const item of doc.items) {
      const source = doc.text.slice(...item.span);
      expect(source.replace(/\n/g, '')).toContain(item.body.replace(/\n/g, '').slice(0, 30));
      for (const a of item.amounts) expect(source).toContain(a.text);
    }
    expect(doc.text.slice(...doc.items[1].span)).toBe('区卫健委组团式医疗帮扶队\n抵达迪庆州人民医院\n\n近日，第二批组团式医疗帮扶队共6名专家抵达迪庆州人民医院，将开展为期半年的帮扶工作。');
  });
});
