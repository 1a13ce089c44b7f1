import { describe, expect, it } from 'vitest';
import { Hooks, Slot } from './hooks.ts';

describe('Hooks', () => {
  it('throws while nothing is registered: the composition root did not run', () => {
    const h = new Hooks<() => number>('test');
    expect(() => h.all()).toThrow(/No test hook is registered: call wireModules\(\)/);
  });

  it('keeps one hook per owner, in registration order; registering again replaces', () => {
    const h = new Hooks<() => string>('test');
    h.register('files', () => 'files 1');
    h.register('policies', () => 'policies');
    h.register('files', () => 'files 2');
    expect(h.all().map((f) => f())).toEqual(['files 2', 'policies']);
  });
});

describe('Slot', () => {
  it('throws until filled, then gives the last value', () => {
    const s = new Slot<{ n: number }>('users ← test');
    expect(() => s.get()).toThrow(/users ← test is not provided/);
    s.fill({ n: 1 });
    s.fill({ n: 2 });
    expect(s.get()).toEqual({ n: 2 });
  });
});
