import type { DRAFT_STATUSES, ITEM_KINDS } from '../../../src/modules/bulletins/bulletins.contract.ts';
import type { ActivityType } from '../../../src/modules/activities/activities.contract.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

/** The codes of the bulletins contract, listed here so the bundle does not pull in zod; the compiler checks them. */
export type ItemKind = keyof typeof ITEM_KINDS;
export type DraftStatus = keyof typeof DRAFT_STATUSES;

const draftStatuses: Record<DraftStatus, true> = { pending: true, accepted: true, rejected: true };
export const DRAFT_STATUS_CODES = Object.keys(draftStatuses) as DraftStatus[];

/** The activity type 采用 starts from, by the kind the reader suggests for the item. */
export const ACTIVITY_TYPE_OF_KIND: Record<ItemKind, ActivityType> = {
  visit: 'visit',
  meeting: 'meeting',
  signing: 'signing',
  donation: 'donation_ceremony',
  training: 'training',
  // An investment or contract reported: not always a ceremony, so the reviewer picks the type.
  industry: 'other',
  labor: 'other',
  sales: 'fair',
  personnel: 'other',
  project: 'other',
  other: 'other',
};

export const ITEM_KIND_COLORS: Record<ItemKind, string> = {
  visit: 'blue',
  meeting: 'geekblue',
  signing: 'purple',
  donation: 'magenta',
  training: 'cyan',
  industry: 'volcano',
  labor: 'lime',
  sales: 'orange',
  personnel: 'gold',
  project: 'green',
  other: 'default',
};
export const DRAFT_STATUS_COLORS: Record<DraftStatus, string> = { pending: 'processing', accepted: 'success', rejected: 'default' };

export const activityTypeOfKind = (kind: string): ActivityType => ACTIVITY_TYPE_OF_KIND[kind as ItemKind] ?? 'other';
export const itemKindColor = (kind: string) => ITEM_KIND_COLORS[kind as ItemKind] ?? 'default';
export const itemKindLabel = (t: Translate, code: string) => label(t, 'bulletinItemKind', code);
export const draftStatusLabel = (t: Translate, code: string) => label(t, 'draftStatus', code);
