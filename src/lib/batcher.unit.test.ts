import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.ts';

describe('createBatcher', () => {
  it('answers lookups asked in the same turn with one run, each with its own value', async () => {
    const runs: number[][] = [];
    const load = createBatcher(async (keys: number[]) => {
      runs.push(keys);
      return keys.map((k) => k * 10);
    });
    const values = await Promise.all([1, 2, 3].map(load));
    expect(values).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await load(4)).toBe(40);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('starts a run as soon as a batch is full', async () => {
    const runs: number[][] = [];
    const load = createBatcher(
      async (keys: number[]) => {
        runs.push(keys);
        return keys;
      },
      { maxBatch: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map(load))).toEqual([1, 2, 3, 4, 5]);
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every lookup of a failed run, and of a run that answers the wrong number of values', async () => {
    const failing = createBatcher(async () => {
      throw new Error('database down');
    });
    const failed = await Promise.allSettled([failing(1), failing(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const short = createBatcher(async (keys: number[]) => keys.slice(1));
    await expect(Promise.all([short(1), short(2)])).rejects.toThrow('batch answered 1 values for 2 keys');
    // A later batch is unaffected.
    const ok = createBatcher(async (keys: number[]) => keys);
    expect(await ok(7)).toBe(7);
  });
});
