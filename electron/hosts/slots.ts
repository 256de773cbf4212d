/** At most `size` holders at once; the others wait in order. */
export class Slots {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Wait for a slot; call the returned function (once) to give it back. */
  async acquire(): Promise<() => void> {
    if (this.held < this.size) this.held++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `held` stays the same.
      if (next) next();
      else this.held--;
    };
  }

  /** Holders now, for tests. */
  get inUse(): number {
    return this.held;
  }
}
