// Dependency inversion between modules (decision 042): a lower module declares what it needs from the
// modules above it as a typed hook set or a single-provider slot; the composition root
// (src/server/wiring.ts, run by openRuntime) fills them at start-up. No event bus: every hook is named,
// typed, called explicitly where it matters, and a use of an unfilled one throws instead of silently
// doing nothing.

/** Hooks that several upper modules may add (e.g. "before a Sales Record is purged"). */
export class Hooks<H> {
  private readonly byOwner = new Map<string, H>();

  constructor(readonly name: string) {}

  /** Add (or replace: start-up may run more than once in one process, e.g. in tests) `owner`'s hook. */
  register(owner: string, hook: H): void {
    this.byOwner.set(owner, hook);
  }

  /** Every registered hook, in registration order. Throws when none is: the composition root did not run. */
  all(): H[] {
    if (this.byOwner.size === 0)
      throw new Error(`No ${this.name} hook is registered: call wireModules() (src/server/wiring.ts) first.`);
    return [...this.byOwner.values()];
  }
}

/** One provider of something a lower module needs from above (e.g. "end a user's sessions"). */
export class Slot<T> {
  private value: T | undefined;

  constructor(readonly name: string) {}

  fill(value: T): void {
    this.value = value;
  }

  get(): T {
    if (this.value === undefined)
      throw new Error(`${this.name} is not provided: call wireModules() (src/server/wiring.ts) first.`);
    return this.value;
  }
}
