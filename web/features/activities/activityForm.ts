import type { Dayjs } from 'dayjs';
import type { Activity, ActivityInput, ActivityType } from '../../../src/modules/activities/activities.contract.ts';
import { ApiError } from '../../ui/api.ts';
import { fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import type { FieldMapping } from '../../ui/errors.tsx';
import { LINK_KIND_CODES, type LinkKind } from './activityEnums.ts';

/** The links are edited as one picker per kind: `agreementIds`, `donationIds`, `trainingIds`, `projectIds`. */
export const linkField = (kind: LinkKind) => `${kind}Ids` as const;
type LinkFields = { [K in LinkKind as `${K}Ids`]: number[] };

export interface ActivityFormValues extends LinkFields {
  type: ActivityType;
  title: string;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  regionCodes: string[];
  leadOrgId?: number | null;
  orgIds: number[];
  pairingId?: number | null;
  leader?: string | null;
  delegationSize?: number | null;
  narrative?: string | null;
  photos: string[];
}

export const ACTIVITY_FORM_FIELDS: FieldMapping = {
  fields: ['type', 'title', 'startDate', 'endDate', 'regionCodes', 'leadOrgId', 'orgIds', 'pairingId', 'leader', 'delegationSize', 'narrative', 'photos', ...LINK_KIND_CODES.map(linkField)],
};

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function activityFormValues(a: Activity | null, defaults: { pairingId?: number | null } = {}): Partial<ActivityFormValues> {
  const ids = (kind: LinkKind) => (a?.links ?? []).filter((l) => l.kind === kind).map((l) => l.id);
  return {
    type: a?.type ?? 'visit',
    title: a?.title,
    startDate: fromIsoDate(a?.startDate),
    endDate: fromIsoDate(a?.endDate),
    regionCodes: a?.places.map((p) => p.code) ?? [],
    leadOrgId: a?.leadOrgId ?? null,
    orgIds: a?.orgs.map((o) => o.id) ?? [],
    pairingId: a ? a.pairingId : (defaults.pairingId ?? null),
    leader: a?.leader,
    delegationSize: a?.delegationSize ?? null,
    narrative: a?.narrative,
    photos: a?.photos ?? [],
    agreementIds: ids('agreement'),
    donationIds: ids('donation'),
    trainingIds: ids('training'),
    projectIds: ids('project'),
  };
}

export function toActivityInput(v: ActivityFormValues): ActivityInput {
  const start = toIsoDate(v.startDate) ?? '';
  return {
    type: v.type,
    title: v.title?.trim() ?? '',
    startDate: start,
    endDate: toIsoDate(v.endDate) ?? start,
    regionCodes: v.regionCodes ?? [],
    leadOrgId: v.leadOrgId ?? null,
    orgIds: v.orgIds ?? [],
    pairingId: v.pairingId ?? null,
    leader: blankToNull(v.leader),
    delegationSize: v.delegationSize ?? null,
    narrative: blankToNull(v.narrative),
    photos: (v.photos ?? []).map((p) => p.trim()).filter(Boolean),
    links: LINK_KIND_CODES.flatMap((kind) => (v[linkField(kind)] ?? []).map((id) => ({ kind, id }))),
  };
}

/** An issue on `links.N` (a record that does not exist or is out of scope) lands on the picker of that link's kind. */
export function withLinkFields(err: unknown, input: ActivityInput): unknown {
  if (!(err instanceof ApiError)) return err;
  const issues = err.issues.map((i) => {
    const m = i.path.match(/^links\.(\d+)/);
    const kind = m ? input.links[Number(m[1])]?.kind : undefined;
    return kind ? { ...i, path: linkField(kind) } : i;
  });
  return new ApiError(err.status, err.code, err.message, issues, err.details);
}
