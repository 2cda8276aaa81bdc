import type { CandidateItem, Edition, ItemInput } from './editions.api.ts';

/** An item as the editor holds it before 保存: `key` tells rows apart while they move. */
export interface DraftItem {
  key: string;
  section: string | null;
  title: string;
  body: string;
  activityId: number | null;
}

let seq = 0;
const nextKey = () => `new-${++seq}`;

export const itemsOf = (e: Edition): DraftItem[] => e.items.map((i) => ({ key: `item-${i.id}`, section: i.section, title: i.title, body: i.body, activityId: i.activityId }));

export const toItemInputs = (items: DraftItem[]): ItemInput[] => items.map((i) => ({ section: i.section?.trim() || null, title: i.title.trim(), body: i.body.trim(), activityId: i.activityId }));

/** Whether the editor's list differs from what the server holds. */
export const itemsChanged = (items: DraftItem[], e: Edition) => JSON.stringify(toItemInputs(items)) !== JSON.stringify(toItemInputs(itemsOf(e)));

export const newItem = (v: Omit<DraftItem, 'key'>): DraftItem => ({ ...v, key: nextKey() });

export function moveItem(items: DraftItem[], index: number, by: -1 | 1): DraftItem[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** Candidates join the run of their section (the print groups consecutive items of a section), else go last. */
export function addCandidates(items: DraftItem[], picked: CandidateItem[]): DraftItem[] {
  const next = [...items];
  for (const c of picked) {
    const item = newItem({ section: c.section, title: c.title, body: c.body, activityId: c.activityId });
    const lastOfSection = next.map((i) => i.section).lastIndexOf(c.section);
    if (lastOfSection >= 0) next.splice(lastOfSection + 1, 0, item);
    else next.push(item);
  }
  return next;
}

/** Issues of a PUT (paths items.N.field) by item index, so the card can show them. */
export function issuesByItem(issues: { path: string; message: string }[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const i of issues) {
    const m = i.path.match(/^items\.(\d+)/);
    if (m) (out[Number(m[1])] ??= []).push(i.message);
  }
  return out;
}
