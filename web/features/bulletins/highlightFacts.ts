/** A piece of an item's text: plain, or the text of a fact the reader found (an amount or a count). */
export interface Segment {
  text: string;
  fact: boolean;
}

/**
 * Splits `text` so that every occurrence of a fact's text is its own segment. Facts are tried longest first at each
 * position, so “52.7万元” is marked whole rather than a shorter “52.7万” inside it; marks never overlap.
 */
export function highlightFacts(text: string, facts: readonly string[]): Segment[] {
  const needles = [...new Set(facts.map((f) => f.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const out: Segment[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const hit = needles.find((n) => text.startsWith(n, i));
    if (!hit) {
      i++;
      continue;
    }
    if (i > plainFrom) out.push({ text: text.slice(plainFrom, i), fact: false });
    out.push({ text: hit, fact: true });
    i += hit.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) out.push({ text: text.slice(plainFrom), fact: false });
  return out;
}
