import { z } from 'zod';
import { isoDate } from '../../platform/contract.ts';
import { enterpriseFields, farmingFields, industry, parkFields, parkKind, workshopFields } from '../industry/industry.contract.ts';

/** The 产业合作 record kinds an accepted item can bring (records.enterprise, …), as the reader suggests them. */
export const INDUSTRY_RECORD_KINDS = { enterprise: '引进企业', farming: '订单农业', workshop: '帮扶车间', park: '产业园区（基地）' } as const;
export type IndustryRecordKind = keyof typeof INDUSTRY_RECORD_KINDS;

/**
 * What an item's sentences report of 产业合作 (bulletins.industry.ts): the record kind and the figures read
 * from the sentences of that kind — money in fen, areas in 亩. `text` is the first such sentence.
 */
export const industryFacts = z.object({
  kind: z.enum(Object.keys(INDUSTRY_RECORD_KINDS) as [IndustryRecordKind, ...IndustryRecordKind[]]),
  text: z.string(),
  /** The enterprise, workshop or park named, when the text names one. */
  name: z.string().optional(),
  /** 引进5家企业 (the figures below are then the enterprises' together); a park's 入驻企业. */
  enterprises: z.number().int().optional(),
  industry: industry.optional(),
  parkKind: parkKind.optional(),
  signedFen: z.number().int().optional(),
  actualFen: z.number().int().optional(),
  contractFen: z.number().int().optional(),
  jobs: z.number().int().optional(),
  /** 其中脱贫人口N人: of the jobs. */
  poorEmployed: z.number().int().optional(),
  households: z.number().int().optional(),
  acreageMu: z.number().optional(),
  product: z.string().optional(),
  /** A figure was written as 多/余 (1亿多元, 1万多个). */
  approx: z.boolean(),
});
export type IndustryFacts = z.infer<typeof industryFacts>;

// Each record leaves out what its activity gives: the county, the pairing, the date; the source goes to its note.
const county = enterpriseFields.shape.countyCode.optional();
const zero = (s: z.ZodNumber) => s.default(0);

/** 引进企业: county, pairing and signing date default to the activity's; the enterprise is linked to the activity. */
export const acceptEnterprise = enterpriseFields
  .pick({ name: true, originOrgId: true, originName: true, originRegion: true, placeCode: true, industry: true, signedFen: true, actualFen: true })
  .extend({
    countyCode: county,
    signedOn: isoDate.optional(),
    jobs: zero(enterpriseFields.shape.jobs),
    poorEmployed: zero(enterpriseFields.shape.poorEmployed),
    monitoredEmployed: zero(enterpriseFields.shape.monitoredEmployed),
  });
/** 订单农业: county, pairing and signing date default to the activity's; the contract is linked to the activity. */
export const acceptFarming = farmingFields
  .pick({ product: true, buyerOrgId: true, buyerName: true, placeCode: true, acreageMu: true })
  .extend({ countyCode: county, signedOn: isoDate.optional(), households: zero(farmingFields.shape.households), contractFen: zero(farmingFields.shape.contractFen) });
/** 帮扶车间: county, pairing and opening date default to the activity's. */
export const acceptWorkshop = workshopFields
  .pick({ name: true, operatorOrgId: true, operatorName: true, placeCode: true, employees: true })
  .extend({ countyCode: county, openedOn: isoDate.optional(), poorEmployed: zero(workshopFields.shape.poorEmployed), monitoredEmployed: zero(workshopFields.shape.monitoredEmployed) });
/** 产业园区 / 基地: county, pairing and establishing date default to the activity's. */
export const acceptPark = parkFields
  .pick({ name: true, kind: true, placeCode: true, areaMu: true })
  .extend({ countyCode: county, establishedOn: isoDate.optional(), enterprises: zero(parkFields.shape.enterprises), jobs: zero(parkFields.shape.jobs) });
