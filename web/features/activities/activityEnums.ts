import type { ActivityType, LINK_KINDS } from '../../../src/modules/activities/activities.contract.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

/** The codes of the activities contract, listed here so the bundle does not pull in zod; the compiler checks them. */
const typeSet: Record<ActivityType, true> = {
  visit: true,
  meeting: true,
  signing: true,
  donation_ceremony: true,
  training: true,
  free_clinic: true,
  fair: true,
  livestream: true,
  condolence: true,
  conference: true,
  other: true,
};
export type LinkKind = keyof typeof LINK_KINDS;
const linkKindSet: Record<LinkKind, true> = { agreement: true, donation: true, training: true, project: true };

export const ACTIVITY_TYPE_CODES = Object.keys(typeSet) as ActivityType[];
/** In this order the form sends its links (so an issue on links.N names its picker). */
export const LINK_KIND_CODES = Object.keys(linkKindSet) as LinkKind[];

export const ACTIVITY_TYPE_COLORS: Record<ActivityType, string> = {
  visit: 'blue',
  meeting: 'geekblue',
  signing: 'purple',
  donation_ceremony: 'magenta',
  training: 'cyan',
  free_clinic: 'green',
  fair: 'orange',
  livestream: 'volcano',
  condolence: 'gold',
  conference: 'geekblue',
  other: 'default',
};

export const activityTypeLabel = (t: Translate, code: string) => label(t, 'activityType', code);
export const linkKindLabel = (t: Translate, code: string) => label(t, 'linkKind', code);
