import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { RefKind } from '../../platform/contract.ts';
import { orgInScope, type Scope } from '../../platform/access/scope.ts';
import type { RegionRow } from '../regions/regions.repository.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import { pickOrgId } from '../orgs/orgs.service.ts';
import { checkFits, checkRefsBy, isVisible, type PairingSides, type Refs } from './references.ts';

export interface OrgRef { id: number; name: string; side: 'east' | 'west'; region_code: string | null }
export interface PairingRef extends PairingSides { id: number; east_id: number; west_id: number }
type Places = [path: string, code: string | null | undefined][];

const present = <T>(xs: (T | null | undefined)[]) => [...new Set(xs.filter((x): x is T => x != null && x !== ''))];

/**
 * The places, organisations and pairings rules look up, read through one object. A single change
 * reads each from the database as its rules ask; a sheet first preloads what all its rows name, a
 * query per kind of thing, and its rows then pass the same rules without a query each. Whatever was
 * not preloaded is read (and kept) on first use: a rule never depends on the preload being complete.
 */
export class Lookups {
  private readonly regions = new Map<string, RegionRow | null>();
  private readonly orgs = new Map<number, OrgRef | null>();
  private readonly named = new Map<string, OrgRef[]>();
  private readonly pairings = new Map<number, PairingRef | null>();

  constructor(readonly q: Queryable, readonly scope: Scope) {}

  async preload(need: { regions?: (string | null | undefined)[]; orgIds?: (number | null | undefined)[]; orgNames?: (string | null | undefined)[]; pairingIds?: (number | null | undefined)[] }): Promise<this> {
    await this.loadRegions(present(need.regions ?? []));
    await this.loadNames(present(need.orgNames ?? []));
    await this.loadOrgs(present(need.orgIds ?? []).filter((id) => !this.orgs.has(id)));
    await this.loadPairings(present(need.pairingIds ?? []));
    return this;
  }

  async region(code: string): Promise<RegionRow | undefined> {
    if (!this.regions.has(code)) await this.loadRegions([code]);
    return this.regions.get(code) ?? undefined;
  }

  async org(id: number): Promise<OrgRef | undefined> {
    if (!this.orgs.has(id)) await this.loadOrgs([id]);
    return this.orgs.get(id) ?? undefined;
  }

  /** The organisations whose name or an alias is exactly the text, by id. */
  async orgsNamed(text: string): Promise<OrgRef[]> {
    if (!this.named.has(text)) await this.loadNames([text]);
    return this.named.get(text)!;
  }

  /** orgIdByName through the lookups: null for no name, 400 on the field for none or several. */
  async orgIdByName(text: string | null | undefined, field: string): Promise<number | null> {
    if (!text) return null;
    return pickOrgId(await this.orgsNamed(String(text).trim()), text, field);
  }

  /** The pairing with its sides, whoever may see it. */
  async pairing(id: number): Promise<PairingRef | undefined> {
    if (!this.pairings.has(id)) await this.loadPairings([id]);
    return this.pairings.get(id) ?? undefined;
  }

  /** The pairing when the caller may see it (one of its sides in scope). */
  async pairingInScope(id: number): Promise<PairingRef | undefined> {
    const p = await this.pairing(id);
    return p && (orgInScope(this.scope, p.east_id) || orgInScope(this.scope, p.west_id)) ? p : undefined;
  }

  /** The one rule for references (references.ts), organisations and pairings answered from the lookups. */
  readonly visible = async (kind: RefKind, id: number): Promise<boolean> => {
    if (kind === 'org') return !!(await this.org(id));
    if (kind === 'pairing') return !!(await this.pairingInScope(id));
    return isVisible(this.q, this.scope, kind, id);
  };

  checkRefs(refs: Refs): Promise<void> {
    return checkRefsBy(this.visible, refs);
  }

  async checkFitsPairing(pairingId: number | null | undefined, places: Places, sides: 'west' | 'either'): Promise<void> {
    if (pairingId != null) checkFits(await this.pairing(pairingId), places, sides);
  }

  private async loadRegions(codes: string[]) {
    if (!codes.length) return;
    for (const c of codes) this.regions.set(c, null);
    for (const r of await this.q.selectFrom('regions').selectAll().where(sql<boolean>`code = any(${codes}::text[])`).execute()) this.regions.set(r.code, r);
  }

  private async loadOrgs(ids: number[]) {
    if (!ids.length) return;
    for (const id of ids) this.orgs.set(id, null);
    for (const o of await orgsRepo.findByIds(this.q, ids)) this.orgs.set(o.id, { id: o.id, name: o.name, side: o.side, region_code: o.region_code });
  }

  private async loadNames(names: string[]) {
    if (!names.length) return;
    for (const n of names) this.named.set(n, []);
    for (const o of await orgsRepo.findByNamesOrAliases(this.q, names)) {
      const ref: OrgRef = { id: o.id, name: o.name, side: o.side, region_code: o.region_code };
      this.orgs.set(o.id, ref);
      for (const n of new Set([o.name, ...o.aliases])) this.named.get(n)?.push(ref); // rows come by id, as findByNameOrAlias answers
    }
  }

  private async loadPairings(ids: number[]) {
    if (!ids.length) return;
    for (const id of ids) this.pairings.set(id, null);
    const rows = await this.q
      .selectFrom('pairings as p')
      .innerJoin('orgs as e', 'e.id', 'p.east_org_id')
      .innerJoin('orgs as w', 'w.id', 'p.west_org_id')
      .select(['p.id', 'e.id as east_id', 'e.name as east_name', 'e.region_code as east_region', 'w.id as west_id', 'w.name as west_name', 'w.region_code as west_region'])
      .where(sql<boolean>`p.id = any(${ids}::bigint[])`)
      .execute();
    for (const p of rows) this.pairings.set(p.id, p);
  }
}
