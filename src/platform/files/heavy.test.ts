import { describe, expect, it } from 'vitest';
import { HeavyQueue } from './heavy.ts';

const later = () => {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
};

describe('the heavy parse queue', () => {
  it('runs one at a time in arrival order, lets four wait, and refuses the rest with a 503 that says when to retry', async () => {
    const q = new HeavyQueue(4, 10);
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, later);
    const runs = gates.map((g, i) => q.run(async () => { order.push(i); await g.done; return i; }));
    await Promise.resolve();
    expect(order).toEqual([0]);
    expect(q.queued).toBe(4);
    await expect(q.run(async () => 99)).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503, details: { retryAfterSeconds: 10 }, issues: [{ path: 'file' }] });
    for (const g of gates) g.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(q.busy).toBe(false);
  });

  it('frees the slot when a parse fails', async () => {
    const q = new HeavyQueue(4, 10);
    await expect(q.run(async () => { throw new Error('bad file'); })).rejects.toThrow('bad file');
    expect(q.busy).toBe(false);
    expect(await q.run(async () => 'next')).toBe('next');
  });
});
