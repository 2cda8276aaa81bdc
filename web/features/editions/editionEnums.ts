import type { EditionStatus } from '../../../src/modules/editions/editions.contract.ts';
import { label } from '../../ui/enums.ts';
import type { Translate } from '../../ui/i18n.tsx';

export type { EditionStatus };

/** The contract's statuses, listed here so the bundle does not pull in zod; the compiler checks them. */
const statuses: Record<EditionStatus, true> = { draft: true, review: true, issued: true };
export const EDITION_STATUS_CODES = Object.keys(statuses) as EditionStatus[];
export const EDITION_STATUS_COLORS: Record<EditionStatus, string> = { draft: 'default', review: 'processing', issued: 'success' };

export const editionStatusLabel = (t: Translate, code: string) => label(t, 'editionStatus', code);
