import type { CopyRow } from '../../../platform/db/copy.ts';
import { TARGET_GROUPS } from '../../training/training.contract.ts';
import { INDUSTRIES } from '../../industry/industry.contract.ts';
import { CATEGORIES } from '../../products/products.contract.ts';
import { CHANNELS, BUYER_TYPES } from '../../sales/sales.contract.ts';
import { AS_OF, programmeOf, SCALE_YEARS } from './scale.plan.ts';
import { type GenContext, type Generated, type Place, SEASON, short, WORK_MONTHS, YEAR_GROWTH } from './scale.context.ts';
import { dayIn, minDay, plusDays, Rng, weighted } from './scale.random.ts';

const year = (rng: Rng) => SCALE_YEARS[YEAR_GROWTH(rng)];
const yuan = (rng: Rng, median: number, sigma: number, cap = 1e9) => Math.max(100, Math.min(cap * 100, Math.round(rng.lognormal(median, sigma)) * 100));

const LEADERS = [['区委书记', 0.12], ['区长', 0.1], ['副区长', 0.3], ['区合作交流办主任', 0.48]] as const;
const LEADER = weighted(LEADERS.map(([, w]) => w));
const ACTIVITY = weighted([30, 20, 8, 6, 6, 4, 8, 5, 8, 3, 2]);
const ACTIVITY_TYPES = ['visit', 'meeting', 'signing', 'donation_ceremony', 'training', 'free_clinic', 'fair', 'livestream', 'condolence', 'conference', 'other'] as const;
const ACTIVITY_TITLES: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  visit: '带队赴{c}考察对接东西部协作工作', meeting: '与{c}召开东西部协作联席会议', signing: '与{c}签订东西部协作协议', donation_ceremony: '向{c}捐赠帮扶物资',
  training: '赴{c}开展干部人才培训', free_clinic: '医疗队在{c}开展义诊', fair: '{c}农特产品进{d}展销活动', livestream: '{c}特色农产品直播带货',
  condolence: '赴{c}走访慰问困难群众', conference: '{c}东西部协作推进会', other: '与{c}开展交流活动',
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华建国文斌志红玲峰辉鹏宇浩凯俊晨欣怡雪梅琳颖晓东海波';
const personName = (rng: Rng) => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '');

/** Visits, meetings, fairs…: principal leaders lead about one in five; a few leaders' names recur. */
export function activityRows(g: GenContext): Generated {
  const columns = ['id', 'type', 'title', 'start_date', 'end_date', 'county_code', 'lead_org_id', 'pairing_id', 'leader', 'delegation_size', 'is_demo', 'owning_org_id'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'activities');
    for (let id = 1; id <= g.sizes.activities; id++) {
      const p = g.pickPlace(rng);
      const type = ACTIVITY_TYPES[ACTIVITY(rng)];
      const start = dayIn(rng, year(rng), WORK_MONTHS);
      const end = type === 'fair' || type === 'training' ? plusDays(start, rng.int(1, 5)) : plusDays(start, rng.int(0, 2));
      const title = ACTIVITY_TITLES[type].replace('{c}', short(p.name)).replace('{d}', p.districtName);
      const leader = type === 'visit' || type === 'meeting' || type === 'signing' ? `${p.districtName}${LEADERS[LEADER(rng)][0]}${personName(rng)}` : null;
      yield [id, type, `${p.districtName}${title}`, start, minDay(end, AS_OF), p.code, p.districtOrgId, p.pairingId, leader, leader ? rng.int(4, 30) : null, true, p.districtOrgId];
    }
  }
  return { target: { table: 'activities', columns }, count: g.sizes.activities, rows };
}

/** Cash and goods: median ¥50,000, a few of millions. */
export function donationRows(g: GenContext): Generated {
  const columns = ['donor_org_id', 'recipient_org_id', 'recipient_region', 'county_code', 'kind', 'value_fen', 'purpose', 'donated_on', 'pairing_id', 'is_demo', 'owning_org_id', 'claim_status'];
  const PURPOSES = ['助学', '乡村振兴', '医疗设备', '防疫物资', '慰问困难群众', '产业发展', '人居环境'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'donations');
    for (let i = 0; i < g.sizes.donations; i++) {
      const p = g.pickPlace(rng);
      yield [p.districtOrgId, p.orgId, p.code, p.code, rng.chance(0.7) ? 'cash' : 'goods', yuan(rng, 50_000, 1.4, 50_000_000), rng.pick(PURPOSES), dayIn(rng, year(rng), WORK_MONTHS), p.pairingId, true, p.districtOrgId, 'confirmed'];
    }
  }
  return { target: { table: 'donations', columns }, count: g.sizes.donations, rows };
}

const GROUPS = Object.keys(TARGET_GROUPS) as (keyof typeof TARGET_GROUPS)[];
/** Trainings in Shanghai (four in ten) and in the counties, with their batches and person-times. */
export function trainingRows(g: GenContext): Generated {
  const columns = ['title', 'kind', 'organiser_org_id', 'place_region', 'in_shanghai', 'start_date', 'end_date', 'target_group', 'batches', 'participants', 'person_times', 'county_code', 'pairing_id', 'is_demo', 'owning_org_id', 'claim_status'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'trainings');
    for (let i = 0; i < g.sizes.trainings; i++) {
      const p = g.pickPlace(rng);
      const inShanghai = rng.chance(0.4);
      const group = rng.pick(GROUPS);
      const start = dayIn(rng, year(rng), WORK_MONTHS);
      const days = rng.int(1, 10);
      const participants = rng.int(15, 150);
      const batches = rng.int(1, 3);
      const kind = group !== 'skilled_workers' && rng.chance(0.15) ? 'shadowing' : 'training';
      yield [`${short(p.name)}${TARGET_GROUPS[group]}${kind === 'shadowing' ? '跟岗学习' : '能力提升培训班'}`, kind, p.districtOrgId, inShanghai ? '31' : p.code, inShanghai, start, plusDays(start, days - 1),
        group, batches, participants, participants * days * batches, p.code, p.pairingId, true, p.districtOrgId, 'confirmed'];
    }
  }
  return { target: { table: 'trainings', columns }, count: g.sizes.trainings, rows };
}

/** The people dispatched: one person per term, from the district that sends them. */
export function personRows(g: GenContext, sent: Place[]): Generated {
  const columns = ['id', 'name', 'sex', 'origin_org_id', 'is_demo'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'persons');
    const places = new Rng(g.seed, 'dispatch-places');
    for (let id = 1; id <= g.sizes.dispatches; id++) {
      const p = g.pickPlace(places);
      sent.push(p);
      yield [id, personName(rng), rng.chance(0.62) ? 'male' : 'female', p.districtOrgId, true];
    }
  }
  return { target: { table: 'persons', columns }, count: g.sizes.dispatches, rows };
}

const CATEGORY = weighted([30, 30, 30, 10]);
const DISPATCH = ['cadre', 'teacher', 'doctor', 'agri'] as const;
/** Cadres for three years, teachers, doctors and agronomists for one; status as of the end of 2025. */
export function dispatchRows(g: GenContext, sent: Place[]): Generated {
  const columns = ['person_id', 'category', 'team', 'programme', 'batch', 'host_org_id', 'host_region', 'county_code', 'post', 'term_start', 'term_end', 'actual_end', 'status', 'is_demo'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'dispatches');
    for (let i = 0; i < sent.length; i++) {
      const p = sent[i];
      const category = DISPATCH[CATEGORY(rng)];
      const y = year(rng);
      const start = `${y}-${rng.chance(0.5) ? '02' : '08'}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const end = plusDays(start, (category === 'cadre' ? 3 * 365 : 365) - 1);
      const early = rng.chance(0.02);
      const actual = early ? plusDays(start, rng.int(60, 300)) : null;
      const status = early ? 'returned_early' : end < AS_OF ? 'rotated' : 'on_post';
      const team = category === 'teacher' && rng.chance(0.5) ? 'education' : category === 'doctor' && rng.chance(0.5) ? 'medical' : null;
      const post = category === 'cadre' ? rng.pick(['挂职副县长', '县委常委、副县长', '挂职乡镇副书记', '县发改局副局长']) : category === 'teacher' ? '支教教师' : category === 'doctor' ? '医疗队员' : '农技专家';
      yield [i + 1, category, team, programmeOf(p.code), `第${y - 2020}批`, p.orgId, p.code, p.code, post, start, end, actual, status, true];
    }
  }
  return { target: { table: 'dispatches', columns }, count: sent.length, rows };
}

const DESTINATIONS = ['shanghai', 'other_east', 'local'] as const;
/** Placements per county, month and destination (the unique period of a placement record). */
export function placementRows(g: GenContext): Generated {
  const columns = ['county_code', 'year', 'month', 'destination', 'poor_count', 'monitored_count', 'pairing_id', 'is_demo', 'owning_org_id'];
  const every = g.sizes.laborEveryMonths;
  const months = SCALE_YEARS.length * Math.ceil(12 / every);
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'placements');
    for (const p of g.places) {
      const size = 0.3 + 2 * rng.next();
      for (const y of SCALE_YEARS) {
        for (let m = 1; m <= 12; m += every) {
          for (const d of DESTINATIONS) {
            const base = d === 'local' ? 60 : d === 'shanghai' ? 15 : 25;
            yield [p.code, y, m, d, Math.round(base * size * rng.next()), Math.round(base * 0.3 * size * rng.next()), p.pairingId, true, p.districtOrgId];
          }
        }
      }
    }
  }
  return { target: { table: 'labor_placements', columns }, count: g.places.length * months * DESTINATIONS.length, rows };
}

const INDUSTRY_KEYS = Object.keys(INDUSTRIES) as (keyof typeof INDUSTRIES)[];
const INDUSTRY = weighted([25, 25, 12, 10, 6, 8, 8, 3, 3]);
/** Enterprises brought in: signed investment median ¥5 million, part of it in place. */
export function enterpriseRows(g: GenContext): Generated {
  const columns = ['name', 'origin_org_id', 'county_code', 'place_code', 'industry', 'signed_fen', 'actual_fen', 'signed_on', 'jobs', 'poor_employed', 'monitored_employed', 'pairing_id', 'is_demo', 'owning_org_id'];
  const WORDS = ['沪', '申', '浦', '海', '东方', '长江', '云岭', '高原'];
  const TRADES = ['农业科技', '食品', '生物科技', '文旅', '新能源', '供应链', '电子商务', '制衣'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'enterprises');
    for (let i = 0; i < g.sizes.enterprises; i++) {
      const p = g.pickPlace(rng);
      const signed = yuan(rng, 5_000_000, 1.2, 2_000_000_000);
      const jobs = rng.int(5, 400);
      yield [`${rng.pick(WORDS)}${rng.pick(WORDS)}${rng.pick(TRADES)}（${short(p.name)}）有限公司`, p.districtOrgId, p.code, p.townships.length ? rng.pick(p.townships) : null, INDUSTRY_KEYS[INDUSTRY(rng)],
        signed, Math.round(signed * rng.next()), dayIn(rng, year(rng), WORK_MONTHS), jobs, Math.floor(jobs * 0.3 * rng.next()), Math.floor(jobs * 0.1 * rng.next()), p.pairingId, true, p.districtOrgId];
    }
  }
  return { target: { table: 'industry_enterprises', columns }, count: g.sizes.enterprises, rows };
}

/** What a supplier sales rows need: its county, its district and whether its products are certified. */
export interface SupplierFacts {
  id: number;
  place: Place;
  category: keyof typeof CATEGORIES;
  certified: boolean;
  /** How much it sells against others (a few suppliers sell most). */
  weight: number;
}

const CATEGORY_KEYS = Object.keys(CATEGORIES) as (keyof typeof CATEGORIES)[];
const SUPPLIER_CATEGORY = weighted([15, 12, 18, 12, 18, 10, 4, 7, 2, 2]);
const KINDS = [['enterprise', '有限公司'], ['cooperative', '专业合作社'], ['household', '家庭农场']] as const;
export function supplierRows(g: GenContext, out: SupplierFacts[]): Generated {
  const columns = ['id', 'name', 'kind', 'region_code', 'county_code', 'mechanisms', 'households_linked', 'people_linked', 'is_demo', 'owning_org_id'];
  const WORDS = ['高原', '绿源', '云岭', '雪域', '山珍', '田园', '乡韵', '古茶', '金谷', '红土'];
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'suppliers');
    const names = new Map<string, number>();
    for (let id = 1; id <= g.sizes.suppliers; id++) {
      const p = g.pickPlace(rng);
      const category = CATEGORY_KEYS[SUPPLIER_CATEGORY(rng)];
      const [kind, suffix] = rng.pick(KINDS);
      const base = `${short(p.name)}${rng.pick(WORDS)}${CATEGORIES[category]}${suffix}`;
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      out.push({ id, place: p, category, certified: rng.chance(0.6), weight: rng.lognormal(1, 1) });
      const households = rng.int(10, 800);
      yield [id, n > 1 ? base.replace(suffix, `${n}${suffix}`) : base, kind, p.townships.length ? rng.pick(p.townships) : p.code, p.code, `{${rng.pick(['employment', 'order', 'land', 'dividend'])}}`, households, households * rng.int(3, 4), true, p.districtOrgId];
    }
  }
  return { target: { table: 'suppliers', columns }, count: g.sizes.suppliers, rows };
}

const CHANNEL_KEYS = Object.keys(CHANNELS) as (keyof typeof CHANNELS)[];
const CHANNEL = weighted([12, 10, 20, 10, 18, 10, 8, 8, 3, 1]);
const BUYER_KEYS = Object.keys(BUYER_TYPES) as (keyof typeof BUYER_TYPES)[];
const BUYER = weighted([35, 20, 25, 20]);
/** Sales: seasonal (Spring Festival, autumn), median ¥3,000 a row, credited to the district paired with the supplier's county. */
export function saleRows(g: GenContext, suppliers: SupplierFacts[]): Generated {
  const columns = ['sold_on', 'category', 'supplier_id', 'county_code', 'channel', 'buyer_type', 'credited_org_id', 'amount_fen', 'quantity', 'unit', 'households', 'certified', 'dup_key', 'dup_status', 'is_demo', 'owning_org_id', 'claim_status'];
  const bySales = weighted(suppliers.map((s) => s.weight));
  function* rows(): Iterable<CopyRow> {
    const rng = new Rng(g.seed, 'sales');
    for (let i = 0; i < g.sizes.sales; i++) {
      const s = suppliers[bySales(rng)];
      const day = dayIn(rng, year(rng), SEASON);
      const channel = CHANNEL_KEYS[CHANNEL(rng)];
      const amount = yuan(rng, 3_000, 1.5, 5_000_000) + rng.int(0, 99);
      const org = s.place.districtOrgId;
      yield [day, s.category, s.id, s.place.code, channel, BUYER_KEYS[BUYER(rng)], org, amount, Math.max(1, Math.round(amount / 100 / rng.int(10, 80))), '斤', rng.int(0, 20), s.certified,
        `s${s.id}|${channel}|${day}|${amount}|o${org}`, 'unique', true, org, 'confirmed'];
    }
  }
  return { target: { table: 'sales', columns }, count: g.sizes.sales, rows };
}
