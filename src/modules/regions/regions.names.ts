/**
 * Short names: how bulletins write places. 香格里拉市 → 香格里拉, 迪庆藏族自治州 → 迪庆,
 * 联合村民委员会 → 联合, 三坝纳西族乡 → 三坝. Applied identically to stored names and to queries.
 */
const SUFFIXES = [
  '社区居民委员会', '村民委员会', '居民委员会', '社区居委会', '特别行政区', '街道办事处',
  '村委会', '居委会', '自治区', '自治州', '自治县', '自治旗', '民族乡', '民族镇',
  '苏木', '街道', '地区', '社区', '省', '市', '州', '盟', '县', '区', '旗', '镇', '乡', '村',
];

const ETHNIC = [
  '维吾尔', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族',
  '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '拉祜族', '水族', '东乡族',
  '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族',
  '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族',
  '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '各族',
].sort((a, b) => b.length - a.length);

/** Placeholder names of the statistical tree that are not places people name. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const MIN = 2;

export function normalizePlaceText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '');
}

export function shortName(name: string): string {
  let s = normalizePlaceText(name);
  if (PLACEHOLDERS.has(s)) return s;
  const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= MIN);
  if (suffix) s = s.slice(0, -suffix.length);
  for (let changed = true; changed; ) {
    changed = false;
    const eth = ETHNIC.find((x) => s.endsWith(x) && s.length - x.length >= MIN);
    if (eth) {
      s = s.slice(0, -eth.length);
      changed = true;
    }
  }
  // 和平村村民委员会 → 和平村 → 和平
  if (suffix && ['村民委员会', '村委会'].includes(suffix) && s.endsWith('村') && s.length - 1 >= MIN) s = s.slice(0, -1);
  return s;
}

/** Which levels a written suffix points to (村 → village); null when the text gives no hint. */
export function levelHint(text: string): number[] | null {
  const s = normalizePlaceText(text);
  if (/(村|社区|居委会|村民委员会|居民委员会|嘎查)$/.test(s)) return [5];
  if (/(镇|乡|街道|苏木)$/.test(s)) return [4];
  if (/(县|旗)$/.test(s)) return [3];
  if (/(自治州|州|地区|盟)$/.test(s)) return [2];
  if (/(省|自治区)$/.test(s)) return [1];
  if (/市$/.test(s)) return [1, 2, 3];
  if (/区$/.test(s)) return [3];
  return null;
}

export function levelOfCode(code: string): number {
  return { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 }[code.length] ?? 0;
}

/** Codes of every ancestor, from the province down, derived from the code's own digits. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9].filter((n) => n < code.length).map((n) => code.slice(0, n));
}

export const isRegionCode = (code: string) => /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(code);
