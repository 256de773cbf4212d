import type { SeedTarget } from './seed';

/** A SeedTarget that keeps every appended block in memory, for tests and for timing the simulator alone. */
export class MemorySeedTarget implements SeedTarget {
  readonly blocks = new Map<string, { t: Float64Array; v: Float64Array }[]>();
  appends = 0;

  async appendColumns(batch: { key: string; t: Float64Array; v: Float64Array }[]): Promise<void> {
    this.appends++;
    for (const b of batch) {
      let list = this.blocks.get(b.key);
      if (!list) this.blocks.set(b.key, (list = []));
      list.push({ t: b.t, v: b.v });
    }
  }

  /** Points held for a series. */
  count(key: string): number {
    return (this.blocks.get(key) ?? []).reduce((n, b) => n + b.t.length, 0);
  }

  /** One series' points joined into single columns. */
  series(key: string): { t: Float64Array; v: Float64Array } {
    const list = this.blocks.get(key) ?? [];
    const n = list.reduce((s, b) => s + b.t.length, 0);
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    let at = 0;
    for (const b of list) {
      t.set(b.t, at);
      v.set(b.v, at);
      at += b.t.length;
    }
    return { t, v };
  }
}
