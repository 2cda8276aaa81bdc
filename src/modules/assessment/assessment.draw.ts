/**
 * The cross-check's draw: a seeded PRNG (mulberry32) and a partial Fisher–Yates shuffle, so the same
 * seed over the same records draws the same ones, on any machine, and a team can repeat the draw.
 */

/** mulberry32: 32 bits of state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a text: mixes the indicator into the seed, so each indicator's draw is its own stream. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** `k` of the pool drawn without replacement, returned in the pool's own order (already sorted by a stable key). */
export function draw<T>(pool: readonly T[], k: number, seed: number, stream: string): T[] {
  const rand = mulberry32((seed ^ fnv1a(stream)) >>> 0);
  const idx = pool.map((_, i) => i);
  const n = Math.min(k, idx.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => pool[i]);
}
