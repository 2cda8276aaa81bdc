import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { createPlaceTag } from '../placetags/placetags.service.ts';
import type { PlaceTagInput } from '../placetags/placetags.contract.ts';

/**
 * Place tags of the demo county 香格里拉市, so the coverage page has its denominators. The places and
 * statuses follow the public record (迪庆's counties left the 贫困县 list in 2019); the source
 * documents here are named, not quoted: every row is flagged is_demo.
 */
const SOURCE = '演示数据：云南省贫困县退出及深度贫困村名单（示意，文号从略）';
export const DEMO_PLACE_TAGS: PlaceTagInput[] = [
  { regionCode: '533401', tag: 'poverty_county', yearFrom: 2019, yearTo: 2020, sourceDocument: '演示数据：云南省人民政府关于批准香格里拉市等县（市、区）退出贫困县的通知（示意，文号从略）' },
  { regionCode: '533401102201', tag: 'deep_poverty_village', yearFrom: 2017, yearTo: 2020, sourceDocument: SOURCE }, // 小中甸镇联合村 (paired: 村企结对)
  { regionCode: '533401101204', tag: 'deep_poverty_village', yearFrom: 2017, yearTo: 2020, sourceDocument: SOURCE }, // 建塘镇尼史村
  { regionCode: '533401102201', tag: 'poverty_village', yearFrom: 2019, yearTo: null, sourceDocument: SOURCE },
  { regionCode: '533401102202', tag: 'poverty_village', yearFrom: 2019, yearTo: null, sourceDocument: SOURCE }, // 小中甸镇和平村
  { regionCode: '533401101201', tag: 'poverty_village', yearFrom: 2019, yearTo: null, sourceDocument: SOURCE }, // 建塘镇红坡村
];

export async function loadDemoPlaces(db: Db, ctx: RequestContext) {
  for (const t of DEMO_PLACE_TAGS) await createPlaceTag(db, ctx, t, { isDemo: true });
}
