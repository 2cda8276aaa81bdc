import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createRecord } from '../industry/industry.service.ts';
import { ENTERPRISES, FARMING, PARKS, WORKSHOPS } from '../industry/industry.kinds.ts';
import { countyGov, districtGov } from './demo.data.ts';

/**
 * 产业合作 demo records. The enterprises, parks and bases are the ones the bulletins name: 央企中国旅游集团 for
 * the 小中甸镇联合村 乡村旅游 project (合作意向, 香格里拉 2020-03), the 香市电商产业园, the 西红柿、甜椒 planting
 * bases of 云南复兴农业 and 云南金锄生物 in 上江乡 and the 安南村 牦牛养殖 project (香格里拉 2020-03/08), and in
 * 果洛 the 来伊份 flagship-store 招商洽谈会 (玛多, 2024-03-15) and 沙涓羊绒's 牦牛绒 talks (2024-03-20). The bulletins
 * give no investment, area, job or acreage figures for them: every figure here (and the workshop and the two
 * contracts, modelled on the bulletins' 森吉尼达 羊肚菌 and 藜麦 supply) is plausible, not reported — all flagged
 * is_demo, each note saying so.
 */
const NOTE = '演示数据（依据公开工作简报整理；金额、面积、人数等为演示假设值）';

export async function loadDemoIndustry(db: Db, ctx: RequestContext, orgIds: Map<string, number>) {
  const opts = { isDemo: true };
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`演示数据缺少组织「${name}」`);
    return id;
  };
  const pairing = async (east: string, west: string) =>
    (await db.selectFrom('pairings').select('id').where('east_org_id', '=', org(east)).where('west_org_id', '=', org(west)).executeTakeFirst())?.id ?? null;
  const xgl = await pairing(districtGov('闵行区'), countyGov('香格里拉市'));
  const unionVillage = await pairing('闵行储备粮管理总公司', '小中甸镇联合村村民委员会');
  let n = 0;
  const make = async (spec: Parameters<typeof createRecord>[2], input: Record<string, unknown>) => {
    await createRecord(db, ctx, spec, { note: NOTE, ...input } as never, opts);
    n++;
  };

  // 香格里拉市 (闵行区's pairing)
  await make(ENTERPRISES, {
    name: '中国旅游集团（联合村乡村旅游项目酒店运营）', originName: '央企中国旅游集团', originRegion: '11', countyCode: '533401', placeCode: '533401102201',
    industry: 'culture_tourism', signedFen: 30_000_000_00, actualFen: 0, signedOn: '2020-03-31', jobs: 40, poorEmployed: 26, monitoredEmployed: 0, pairingId: xgl,
    note: `初步达成合作意向，引入专业酒店运营团队。${NOTE}`,
  });
  await make(ENTERPRISES, {
    name: '上海某农业科技有限公司（香格里拉藜麦加工）', originOrgId: org(districtGov('闵行区')), countyCode: '533401', placeCode: '533401102',
    industry: 'agri_processing', signedFen: 52_000_000_00, actualFen: 18_500_000_00, signedOn: '2020-08-06', jobs: 85, poorEmployed: 32, monitoredEmployed: 4, pairingId: xgl,
  });
  await make(PARKS, { name: '香市电商产业园（云商汇网络科技有限公司）', kind: 'park', countyCode: '533401', placeCode: '533401101', areaMu: 30, establishedOn: '2019-06-01', enterprises: 21, jobs: 160, pairingId: xgl });
  await make(PARKS, { name: '上江乡西红柿、甜椒种植基地（云南复兴农业开发有限公司、云南金锄生物科技有限公司）', kind: 'planting_base', countyCode: '533401', placeCode: '533401201', areaMu: 1200, establishedOn: '2019-03-01', enterprises: 2, jobs: 230, pairingId: xgl });
  await make(PARKS, { name: '安南村牦牛养殖基地', kind: 'breeding_base', countyCode: '533401', placeCode: '533401202202', areaMu: 85.5, establishedOn: '2020-10-01', enterprises: 1, jobs: 18, pairingId: xgl });
  await make(WORKSHOPS, {
    name: '尼西乡黑陶帮扶车间', countyCode: '533401', placeCode: '533401204', operatorName: '尼西乡黑陶制作专业合作社', openedOn: '2020-05-01',
    employees: 36, poorEmployed: 22, monitoredEmployed: 3, pairingId: xgl,
  });
  await make(FARMING, {
    product: '羊肚菌', buyerName: '香格里拉市森吉尼达生物资源开发有限公司', countyCode: '533401', acreageMu: 300, households: 120, contractFen: 2_400_000_00, signedOn: '2020-03-01', pairingId: xgl,
  });
  await make(FARMING, {
    product: '藜麦', buyerOrgId: org('闵行储备粮管理总公司'), countyCode: '533401', placeCode: '533401102201', acreageMu: 500, households: 57, contractFen: 1_500_000_00, signedOn: '2020-08-05', pairingId: unionVillage,
  });

  // 果洛 (no pairing of these counties among the demo records: seen by city-wide users)
  await make(ENTERPRISES, {
    name: '上海来伊份股份有限公司（果洛旗舰店）', originName: '上海来伊份股份有限公司', originRegion: '31', countyCode: '632626', industry: 'trade_logistics',
    signedFen: 3_000_000_00, actualFen: 800_000_00, signedOn: '2024-03-15', jobs: 12, poorEmployed: 5, monitoredEmployed: 1,
    note: `援青玛多联络小组召开来伊份旗舰店招商洽谈会。${NOTE}`,
  });
  await make(ENTERPRISES, {
    name: '上海sandriver沙涓羊绒（牦牛绒产业发展项目）', originName: '上海sandriver沙涓羊绒', originRegion: '31', countyCode: '632621', industry: 'manufacturing',
    signedFen: 10_000_000_00, actualFen: 0, signedOn: '2024-03-20', jobs: 30, poorEmployed: 12, monitoredEmployed: 2,
    note: `创始人郭秀玲一行赴果洛座谈洽谈。${NOTE}`,
  });
  return { industry: n };
}
