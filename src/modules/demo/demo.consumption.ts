import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createSupplierIn } from '../suppliers/suppliers.service.ts';
import { applyIn } from '../products/products.service.ts';
import { giveOpinion, takeStep } from '../products/products.steps.ts';
import { addDays, todayInChina } from '../products/products.workflow.ts';
import { createSaleIn } from '../sales/sales.service.ts';
import type { Category } from '../products/products.contract.ts';
import type { SaleInput } from '../sales/sales.contract.ts';
import { districtGov } from './demo.data.ts';

/**
 * 消费帮扶 demo records. The suppliers are the enterprises the 闵行区 consumption work group visited
 * in 香格里拉市 in August 2020, and the 3 March 2020 livestream sold 羊肚菌 for 52.7 万元 (bulletins);
 * the products' certification dates, prices and every other sale are plausible, not reported, and
 * are dated relative to today so the catalogue is current: all flagged is_demo.
 */
const ago = (n: number) => addDays(todayInChina(), -n);

const SUPPLIERS = [
  { name: '香格里拉市森吉尼达生物资源开发有限公司', kind: 'enterprise', regionCode: '533401', mechanisms: ['order', 'employment'], households: 320, people: 1150 },
  { name: '圣域天香牦牛产业开发有限公司', kind: 'enterprise', regionCode: '533401', mechanisms: ['order', 'dividend'], households: 210, people: 760 },
  { name: '云南香格里拉藏龙生物集团有限公司', kind: 'enterprise', regionCode: '533401', mechanisms: ['employment', 'land'], households: 95, people: 340 },
  { name: '迪庆香格里拉松林文化旅游传播有限公司', kind: 'enterprise', regionCode: '533401', mechanisms: ['employment'], households: 40, people: 120 },
  { name: '香格里拉市小中甸镇联合村松茸专业合作社', kind: 'cooperative', regionCode: '533401102201', mechanisms: ['order', 'dividend'], households: 68, people: 251 },
] as const;

type Stage = 'applied' | 'reviewing' | 'notice' | 'certified';
const PRODUCTS: { supplier: number; name: string; category: Category; spec: string; priceYuan: number; unit: string; stage: Stage }[] = [
  { supplier: 0, name: '香格里拉羊肚菌（干品）', category: 'fungi', spec: '250克/罐', priceYuan: 298, unit: '罐', stage: 'certified' },
  { supplier: 0, name: '高原黑松露', category: 'fungi', spec: '200克/盒', priceYuan: 168, unit: '盒', stage: 'certified' },
  { supplier: 1, name: '牦牛肉干', category: 'meat_egg', spec: '500克/袋', priceYuan: 128, unit: '袋', stage: 'certified' },
  { supplier: 2, name: '玛咖片', category: 'herbs', spec: '250克/罐', priceYuan: 88, unit: '罐', stage: 'certified' },
  { supplier: 4, name: '联合村松茸（鲜品）', category: 'fungi', spec: '1千克/箱', priceYuan: 480, unit: '箱', stage: 'notice' },
  { supplier: 3, name: '松林藏香', category: 'crafts', spec: '30支/盒', priceYuan: 58, unit: '盒', stage: 'reviewing' },
  { supplier: 1, name: '牦牛酸奶', category: 'dairy', spec: '200克×12杯', priceYuan: 96, unit: '箱', stage: 'applied' },
];

export async function loadDemoConsumption(db: Db, ctx: RequestContext, orgIds: Map<string, number>) {
  const suppliers: number[] = [];
  for (const s of SUPPLIERS) {
    const created = await db.transaction().execute((trx) =>
      createSupplierIn(trx, ctx, { name: s.name, kind: s.kind, regionCode: s.regionCode, mechanisms: [...s.mechanisms], mechanismNote: '演示数据', householdsLinked: s.households, peopleLinked: s.people }, { isDemo: true }),
    );
    suppliers.push(created.id);
  }
  const products: number[] = [];
  for (const p of PRODUCTS) {
    const applied = await db.transaction().execute((trx) =>
      applyIn(trx, ctx, {
        supplierId: suppliers[p.supplier], name: p.name, category: p.category, originRegion: '533401', specification: p.spec, priceFen: p.priceYuan * 100, unit: p.unit,
        qualityDocuments: ['食品生产许可证', '产品检验报告'], benefitNote: '订单收购建档立卡户产品，优先吸纳脱贫人口务工（演示）', appliedOn: ago(200),
      }, { isDemo: true }),
    );
    products.push(applied.id);
    if (p.stage === 'applied') continue;
    for (const department of ['agriculture', 'market', 'industry', 'rural'] as const) await giveOpinion(db, ctx, applied.id, { department, agree: true, givenOn: ago(190) });
    if (p.stage === 'reviewing') continue;
    await takeStep(db, ctx, applied.id, { action: 'decide', approve: true, reason: '材料齐全，带贫机制明确', actedOn: ago(185), documentNo: '香消认〔演示〕1号' });
    await takeStep(db, ctx, applied.id, { action: 'start_notice', noticeStart: p.stage === 'notice' ? ago(2) : ago(184) });
    if (p.stage === 'notice') continue;
    await takeStep(db, ctx, applied.id, { action: 'certify', batchNo: '香格里拉市第一批', validUntil: addDays(todayInChina(), 700), actedOn: ago(170) });
  }
  const org = (name: string) => orgIds.get(name) ?? null;
  const minhang = org(districtGov('闵行区'))!;
  const sale = (v: Omit<SaleInput, 'buyerType'> & { buyerType?: SaleInput['buyerType'] }) => db.transaction().execute((trx) => createSaleIn(trx, ctx, { buyerType: 'individual', ...v, note: v.note ?? '演示数据' }, { isDemo: true }));
  // The bulletin's livestream (before any certification: a category sale of the enterprise).
  await sale({ soldOn: '2020-03-25', supplierId: suppliers[0], category: 'fungi', channel: 'livestream', creditedOrgId: minhang, amountFen: 52_700_000, note: '副市长直播带货 3 小时，销售羊肚菌 52.7 万元（简报）' });
  const credited = [minhang, org('七宝镇'), org('梅陇镇'), org('闵行区总工会')].filter((x): x is number => !!x);
  const channels = [['exhibition_center', 'individual'], ['counter', 'individual'], ['union', 'union'], ['canteen', 'budget_unit'], ['ecommerce', 'individual'], ['p832', 'budget_unit']] as const;
  for (let month = 0; month < 6; month++) {
    for (let i = 0; i < 4; i++) {
      const [channel, buyerType] = channels[(month + i) % channels.length];
      await sale({ soldOn: ago(150 - month * 25 - i), productId: products[i], channel, buyerType, creditedOrgId: credited[(month + i) % credited.length], amountFen: (18 + month * 3 + i * 7) * 100_000, households: 10 + i * 5 });
    }
  }
  // The same counter sale reported twice: the second is flagged for review, not counted.
  for (let k = 0; k < 2; k++) await sale({ soldOn: ago(20), productId: products[2], channel: 'counter', creditedOrgId: minhang, amountFen: 3_560_000, note: k ? '区里与街镇重复报送（演示）' : '演示数据' });
  return { suppliers: suppliers.length, products: products.length };
}
