import type { CopyRow, CopyTarget } from '../../../platform/db/copy.ts';
import type { ScaleDistrict, ScaleCounty } from './scale.base.ts';
import type { ScaleSizes } from './scale.plan.ts';
import { Rng, weighted } from './scale.random.ts';

/** A county with the district that works there: what every generated record is placed by. */
export interface Place extends ScaleCounty {
  districtName: string;
  districtOrgId: number;
}

export interface GenContext {
  seed: number;
  sizes: ScaleSizes;
  places: Place[];
  /** A place drawn by how active its district is (a long tail) and a weight of the county's own. */
  pickPlace(rng: Rng): Place;
}

/** What one record kind contributes: its table and columns, and its rows in order. */
export interface Generated {
  target: CopyTarget;
  count: number;
  rows: () => Iterable<CopyRow>;
}

export function genContext(seed: number, sizes: ScaleSizes, districts: ScaleDistrict[]): GenContext {
  const places = districts.flatMap((d) => d.counties.map((c) => ({ ...c, districtName: d.name, districtOrgId: d.orgId })));
  const own = new Rng(seed, 'place-weights');
  const weights = districts.flatMap((d) => d.counties.map(() => (d.weight / d.counties.length) * (0.3 + 1.4 * own.next())));
  const draw = weighted(weights);
  return { seed, sizes, places, pickPlace: (rng) => places[draw(rng)] };
}

/** Sales and fairs peak before Spring Festival and in the mushroom season; little in February. */
export const SEASON = weighted([1.6, 0.6, 0.8, 0.8, 0.9, 1.1, 1.3, 1.3, 1.2, 1.1, 1.4, 1.8]);
/** Work spreads through the year, thinner in January and February, busier from September. */
export const WORK_MONTHS = weighted([0.6, 0.5, 1, 1, 1.1, 1.1, 1, 0.9, 1.2, 1.2, 1.3, 1.3]);
/** Each year busier than the last. */
export const YEAR_GROWTH = weighted([0.8, 0.9, 1, 1.1, 1.2]);

export const short = (name: string) => name.replace(/(傈僳族|彝族|哈尼族|苗族|瑶族|傣族|白族|景颇族|藏族|回族|蒙古族|土族|撒拉族|自治县|自治州)+$/u, '').replace(/[县市区]$/u, '');
