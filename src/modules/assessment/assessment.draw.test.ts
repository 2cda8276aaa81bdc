import { describe, expect, it } from 'vitest';
import { draw, mulberry32 } from './assessment.draw.ts';

describe('the seeded draw', () => {
  const pool = Array.from({ length: 50 }, (_, i) => i);

  it('repeats for the same seed and stream, and differs for another', () => {
    expect(draw(pool, 5, 42, 'sales')).toEqual(draw(pool, 5, 42, 'sales'));
    expect(draw(pool, 5, 42, 'sales')).not.toEqual(draw(pool, 5, 43, 'sales'));
    expect(draw(pool, 5, 42, 'sales')).not.toEqual(draw(pool, 5, 42, 'visits'));
  });

  it('draws without replacement, in the pool\'s order, and all of a small pool', () => {
    const d = draw(pool, 10, 1, 'x');
    expect(new Set(d).size).toBe(10);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(draw([3, 1, 2], 5, 9, 'x')).toEqual([3, 1, 2]);
    expect(draw([], 5, 9, 'x')).toEqual([]);
  });

  it('stays in [0, 1)', () => {
    const r = mulberry32(4294967295);
    for (let i = 0; i < 1000; i++) {
      const v = r();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});
