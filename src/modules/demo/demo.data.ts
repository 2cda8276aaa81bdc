import type { OrgType, Side } from '../orgs/orgs.contract.ts';
import type { PairingType } from '../pairings/pairings.contract.ts';

/**
 * Demo records drawn from public facts (the pairings the bulletins state). Every record
 * loaded from here is flagged is_demo and its note says 演示数据.
 */
export interface DemoOrg {
  name: string;
  type: OrgType;
  side: Side;
  region: string;
  parent?: string;
  aliases?: string[];
}

const east = (name: string, type: OrgType, region: string, parent?: string, aliases: string[] = []): DemoOrg => ({ name, type, side: 'east', region, parent, aliases });
const west = (name: string, type: OrgType, region: string, parent?: string, aliases: string[] = []): DemoOrg => ({ name, type, side: 'west', region, parent, aliases });

const DISTRICTS: [string, string][] = [['闵行区', '310112'], ['长宁区', '310105'], ['嘉定区', '310114'], ['宝山区', '310113'], ['金山区', '310116']];

const COUNTIES: [string, string, string[]][] = [
  ['香格里拉市', '533401', ['香市', '香格里拉']],
  ['隆阳区', '530502', []],
  ['施甸县', '530521', []],
  ['龙陵县', '530523', []],
  ['昌宁县', '530524', []],
  ['泽普县', '653124', []],
  ['红河县', '532529', []],
  ['绿春县', '532531', []],
  ['金平苗族瑶族傣族自治县', '532530', ['金平县']],
  ['甘德县', '632623', []],
  ['德钦县', '533422', []],
  ['久治县', '632625', []],
  ['楚雄市', '532301', []],
  ['禄丰市', '532302', []],
  ['双柏县', '532322', []],
  ['牟定县', '532323', []],
  ['南华县', '532324', []],
  ['姚安县', '532325', []],
  ['大姚县', '532326', []],
  ['永仁县', '532327', []],
  ['元谋县', '532328', []],
  ['武定县', '532329', []],
];

export const countyGov = (county: string) => `${county}人民政府`;
export const districtGov = (district: string) => `上海市${district}人民政府`;

export const DEMO_ORGS: DemoOrg[] = [
  east('上海市人民政府合作交流办公室', 'coop_office', '31', undefined, ['市合作交流办']),
  east('上海市援青干部联络组', 'frontline_group', '31', '上海市人民政府合作交流办公室', ['援青联络组']),
  ...DISTRICTS.map(([d, code]) => east(districtGov(d), 'party_government', code, undefined, [d])),
  east('闵行区合作交流办', 'coop_office', '310112', districtGov('闵行区'), ['闵行区合作交流办公室']),
  east('闵行区司法局', 'department', '310112', districtGov('闵行区')),
  east('闵行区总工会', 'social_org', '310112', districtGov('闵行区')),
  east('闵行区侨联', 'social_org', '310112', districtGov('闵行区'), ['区侨联']),
  east('闵行区教育局', 'department', '310112', districtGov('闵行区')),
  east('七宝镇', 'town', '310112102', districtGov('闵行区'), ['闵行区七宝镇']),
  east('梅陇镇', 'town', '310112108', districtGov('闵行区'), ['闵行区梅陇镇']),
  east('浦锦街道', 'subdistrict', '310112009', districtGov('闵行区')),
  east('闵行储备粮管理总公司', 'soe', '310112', districtGov('闵行区')),
  east('闵行区援滇干部联络组', 'frontline_group', '533401', districtGov('闵行区'), ['闵行区驻香格里拉市扶贫办']),
  ...COUNTIES.map(([c, code, aliases]) => west(countyGov(c), 'party_government', code, undefined, [c, ...aliases])),
  west('香格里拉市司法局', 'department', '533401', countyGov('香格里拉市')),
  west('香格里拉市总工会', 'social_org', '533401', countyGov('香格里拉市')),
  west('虎跳峡镇人民政府', 'township', '533401103', countyGov('香格里拉市'), ['虎跳峡镇']),
  west('金江镇人民政府', 'township', '533401104', countyGov('香格里拉市'), ['金江镇']),
  west('东旺乡人民政府', 'township', '533401206', countyGov('香格里拉市'), ['东旺乡']),
  west('五境乡人民政府', 'township', '533401207', countyGov('香格里拉市'), ['五境乡']),
  west('小中甸镇联合村村民委员会', 'village_committee', '533401102201', countyGov('香格里拉市'), ['联合村']),
];

export interface DemoPairing {
  type: PairingType;
  east: string;
  west: string;
  start: string;
  agreements?: { year: number; pledgedYuan: number; title: string }[];
}

const ew = (d: string, c: string, start = '2021-01-01'): DemoPairing => ({ type: 'east_west', east: districtGov(d), west: countyGov(c), start });
const cp = (d: string, c: string, start = '2010-06-01'): DemoPairing => ({ type: 'counterpart', east: districtGov(d), west: countyGov(c), start });

export const DEMO_PAIRINGS: DemoPairing[] = [
  { ...ew('闵行区', '香格里拉市', '2017-01-01'), agreements: [{ year: 2020, pledgedYuan: 50_000_000, title: '2020年沪滇扶贫协作协议' }] },
  ew('闵行区', '隆阳区'),
  ew('闵行区', '施甸县'),
  ew('闵行区', '龙陵县'),
  ew('闵行区', '昌宁县'),
  cp('闵行区', '泽普县'),
  ew('长宁区', '红河县'),
  ew('长宁区', '绿春县'),
  ew('长宁区', '金平苗族瑶族傣族自治县'),
  cp('长宁区', '甘德县'),
  ...['楚雄市', '禄丰市', '双柏县', '牟定县', '南华县', '姚安县', '大姚县', '永仁县', '元谋县', '武定县'].map((c) => ew('嘉定区', c)),
  ew('嘉定区', '德钦县'),
  cp('嘉定区', '久治县'),
  { type: 'xieshou', east: '七宝镇', west: '金江镇人民政府', start: '2018-01-01' },
  { type: 'xieshou', east: '七宝镇', west: '虎跳峡镇人民政府', start: '2018-01-01' },
  { type: 'xieshou', east: '浦锦街道', west: '虎跳峡镇人民政府', start: '2018-01-01' },
  { type: 'xieshou', east: '梅陇镇', west: '东旺乡人民政府', start: '2018-01-01' },
  { type: 'xieshou', east: '梅陇镇', west: '五境乡人民政府', start: '2018-01-01' },
  { type: 'village_enterprise', east: '闵行储备粮管理总公司', west: '小中甸镇联合村村民委员会', start: '2019-01-01' },
  { type: 'department', east: '闵行区司法局', west: '香格里拉市司法局', start: '2018-01-01' },
  { type: 'department', east: '闵行区总工会', west: '香格里拉市总工会', start: '2018-01-01' },
];

/** One demo account per role; the password is printed by `npm start` in demo mode only. */
export const DEMO_PASSWORD = 'Xiezuo-demo-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'sys_admin' | 'city_admin' | 'district_admin' | 'frontline' | 'recipient_clerk' | 'recipient_leader' | 'reader';
  org?: string;
  scopeOrgs?: string[];
  scopeRegions?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'sys_admin', org: '上海市人民政府合作交流办公室' },
  { username: 'city', displayName: '市合作交流办（演示）', role: 'city_admin', org: '上海市人民政府合作交流办公室' },
  { username: 'minhang', displayName: '闵行区合作交流办（演示）', role: 'district_admin', org: '闵行区合作交流办', scopeOrgs: [districtGov('闵行区')] },
  { username: 'changning', displayName: '长宁区合作交流办（演示）', role: 'district_admin', org: districtGov('长宁区'), scopeOrgs: [districtGov('长宁区')] },
  { username: 'frontline', displayName: '闵行区援滇干部联络组（演示）', role: 'frontline', org: '闵行区援滇干部联络组', scopeRegions: ['533401', '530502', '530521', '530523', '530524'] },
  { username: 'xianggelila', displayName: '香格里拉市填报员（演示）', role: 'recipient_clerk', org: countyGov('香格里拉市'), scopeRegions: ['533401'] },
  { username: 'xgl_leader', displayName: '香格里拉市分管领导（演示）', role: 'recipient_leader', org: countyGov('香格里拉市'), scopeRegions: ['533401'] },
  { username: 'leader', displayName: '闵行区领导（演示，只读）', role: 'reader', org: districtGov('闵行区'), scopeOrgs: [districtGov('闵行区')] },
];
