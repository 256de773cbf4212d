/**
 * A small seeded PRNG (xoshiro128**, seeded by splitmix32) so the demo data is bit-identical on every
 * machine and every run; Math.random is never used by the simulator.
 */

/** Mix a 32-bit state one splitmix32 step; also a decent integer hash. */
export function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hash a few integers into one 32-bit seed (order matters). */
export function hashSeed(...parts: number[]): number {
  let h = 0x2545f491;
  for (const p of parts) h = splitmix32((h ^ (p | 0)) + Math.imul(h, 31));
  return h >>> 0;
}

/** xoshiro128**: uniform numbers in [0, 1) and standard normals from one 32-bit seed. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  constructor(seed: number) {
    // splitmix32 expands the seed so nearby seeds give unrelated streams and the state is never all zero.
    let s = seed >>> 0;
    s = splitmix32(s);
    this.a = s;
    s = splitmix32(s);
    this.b = s;
    s = splitmix32(s);
    this.c = s;
    s = splitmix32(s);
    this.d = s | 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** A standard normal picked from a shared table by this generator: a quarter of Box–Muller's cost, for sensor noise. */
  tableNormal(): number {
    return NORMAL_TABLE[this.nextU32() >>> 16] as number;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    const u = 1 - this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

/** 65,536 standard normals drawn once from a fixed seed, for noise that needs speed more than tails beyond ±4.3σ. */
const NORMAL_TABLE: Float64Array = (() => {
  const rng = new Prng(0x5eed);
  const table = new Float64Array(65_536);
  for (let i = 0; i < table.length; i++) table[i] = rng.normal();
  return table;
})();

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
