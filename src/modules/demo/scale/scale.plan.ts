/**
 * What a scale demo holds: Shanghai's sixteen districts, the counties each works with, and how many
 * records five years (2021–2025, the current period of 东西部协作) of their work make.
 */
export const SCALE_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** Statuses are as of this day (terms ended, projects handed over), so a seed gives the same figures on any date. */
export const AS_OF = '2025-12-31';

export interface ScaleSizes {
  projects: number;
  fundTransactions: number;
  sales: number;
  activities: number;
  dispatches: number;
  trainings: number;
  donations: number;
  enterprises: number;
  suppliers: number;
  /** Months of labour placements per county and destination: every month, or one in N. */
  laborEveryMonths: number;
}

export const SCALES = {
  national: { projects: 100_000, fundTransactions: 1_000_000, sales: 2_000_000, activities: 300_000, dispatches: 50_000, trainings: 50_000, donations: 100_000, enterprises: 20_000, suppliers: 4_000, laborEveryMonths: 1 },
  city: { projects: 10_000, fundTransactions: 100_000, sales: 200_000, activities: 30_000, dispatches: 5_000, trainings: 5_000, donations: 10_000, enterprises: 2_000, suppliers: 400, laborEveryMonths: 10 },
} satisfies Record<string, ScaleSizes>;
export type ScaleName = keyof typeof SCALES;

/**
 * Each district, its code and the places it works with: whole prefectures (their counties, read from
 * the division tables) and named counties. The demo's own pairings (闵行, 长宁, 嘉定) come first and are
 * kept as they are; the other districts share Yunnan's remaining prefectures and the counterpart
 * counties in Xinjiang (喀什), Tibet (日喀则) and Qinghai (果洛). That share is a load-test layout, not
 * the official pairing list.
 */
export interface DistrictPlan {
  name: string;
  code: string;
  /** Prefecture codes (4 digits) whose counties are paired, east–west. */
  prefectures: string[];
  /** County names (with the prefecture code that holds them) paired as counterpart support. */
  counterpart: [string, string][];
  /** How much more active than the least active district (a long tail: a few do most of the work). */
  weight: number;
}

export const DISTRICT_PLANS: DistrictPlan[] = [
  { name: '闵行区', code: '310112', prefectures: [], counterpart: [], weight: 10 },
  { name: '长宁区', code: '310105', prefectures: [], counterpart: [], weight: 6 },
  { name: '嘉定区', code: '310114', prefectures: [], counterpart: [], weight: 8 },
  { name: '浦东新区', code: '310115', prefectures: ['5331', '5333'], counterpart: [['叶城县', '6531'], ['莎车县', '6531']], weight: 9 },
  { name: '黄浦区', code: '310101', prefectures: ['5308'], counterpart: [['亚东县', '5402']], weight: 4 },
  { name: '徐汇区', code: '310104', prefectures: ['5328'], counterpart: [['萨迦县', '5402']], weight: 5 },
  { name: '静安区', code: '310106', prefectures: ['5329'], counterpart: [['拉孜县', '5402']], weight: 5 },
  { name: '普陀区', code: '310107', prefectures: ['5307'], counterpart: [['定日县', '5402']], weight: 3 },
  { name: '虹口区', code: '310109', prefectures: ['5309'], counterpart: [['江孜县', '5402']], weight: 2 },
  { name: '杨浦区', code: '310110', prefectures: ['5326'], counterpart: [['巴楚县', '6531']], weight: 3 },
  { name: '宝山区', code: '310113', prefectures: ['5305'], counterpart: [['玛沁县', '6326']], weight: 4 },
  { name: '金山区', code: '310116', prefectures: [], counterpart: [['班玛县', '6326'], ['达日县', '6326']], weight: 1.5 },
  { name: '松江区', code: '310117', prefectures: [], counterpart: [['玛多县', '6326'], ['维西傈僳族自治县', '5334']], weight: 2 },
  { name: '青浦区', code: '310118', prefectures: ['5325'], counterpart: [], weight: 2.5 },
  { name: '奉贤区', code: '310120', prefectures: [], counterpart: [['麦盖提县', '6531'], ['岳普湖县', '6531']], weight: 1.5 },
  { name: '崇明区', code: '310151', prefectures: [], counterpart: [['伽师县', '6531'], ['英吉沙县', '6531']], weight: 1 },
];

/** 援滇, 援青, 援疆, 援藏 from the county's province. */
export function programmeOf(countyCode: string): 'dian' | 'qing' | 'jiang' | 'zang' | 'other' {
  return ({ '53': 'dian', '63': 'qing', '65': 'jiang', '54': 'zang' } as const)[countyCode.slice(0, 2) as '53'] ?? 'other';
}
