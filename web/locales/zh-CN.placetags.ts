import type { PLACE_TAGS } from '../../src/modules/placetags/placetags.contract.ts';

/** Labels keyed by code, typed by the backend's own label map (type-only import: nothing is bundled). */
type Labels<P extends string, M> = { [K in keyof M & string as `${P}.${K}`]: M[K] };

const labels: Labels<'placeTag', typeof PLACE_TAGS> = {
  'placeTag.poverty_county': '脱贫县',
  'placeTag.key_county': '国家乡村振兴重点帮扶县',
  'placeTag.poverty_village': '脱贫村',
  'placeTag.deep_poverty_village': '深度贫困村',
  'placeTag.relocation_site': '易地搬迁安置点',
};

/** 地区标识 (place tags) and the tagged-village coverage figures. */
export const zhCNPlaceTags = {
  ...labels,
  'auditEntity.place_tag': '地区标识',
  'nav.placeTags': '地区标识',
  'placeTags.title': '地区标识（脱贫县、脱贫村等）',
  'placeTags.intro': '县、村的身份依据官方名单登记，按年度生效；结对覆盖页据此计算各类村的覆盖率。只有市级用户可以导入或删除。',
  'placeTags.what': '地区标识',
  'placeTags.region': '区划',
  'placeTags.regionCode': '区划代码',
  'placeTags.tag': '标识',
  'placeTags.years': '有效年度',
  'placeTags.yearsOpen': '{from} 年起',
  'placeTags.yearsRange': '{from}–{to} 年',
  'placeTags.source': '依据文件',
  'placeTags.demo': '演示',
  'placeTags.filterTag': '标识',
  'placeTags.filterYear': '当年有效',
  'placeTags.filterRegion': '区划（含下级）',
  'placeTags.deleted': '已删除地区标识',
  'placeTags.deleteConfirm': '删除该地区标识？',
  'placeTags.empty': '没有地区标识',
  'placeTags.open': '地区标识 →',
  'coverage.tagsTitle': '重点村结对覆盖（{year} 年有效名单）',
  'coverage.tagPaired': '已结对{tag}',
  'coverage.regionTags': '本级标识',
};
