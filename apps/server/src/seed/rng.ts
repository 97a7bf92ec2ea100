/**
 * The generator's own seeded PRNG (sfc32 seeded through splitmix32). Same seed ⇒ same data, so
 * Math.random, newId() and new Date() are never used while generating.
 */
export class SeedRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let s = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** An independent stream for one part of the data, so adding draws elsewhere does not shift it. */
  fork(label: string): SeedRng {
    return new SeedRng((this.u32() ^ hashString(label)) >>> 0);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /**
   * A uuidv7-shaped id whose time part is `ms`: ids stay time-ordered like newId() (events are read
   * back in id order) while the random part comes from this stream.
   */
  idAt(ms: number): string {
    const t = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
    const r1 = this.u32();
    const r2 = this.u32();
    const r3 = this.u32();
    return (
      `${t.slice(0, 8)}-${t.slice(8, 12)}-7${h(r1 >>> 20, 3)}-` +
      `${h(((r1 >>> 18) & 0x3) | 0x8, 1)}${h(r1 & 0xfff, 3)}-${h(r2, 8)}${h(r3 >>> 16, 4)}`
    );
  }
}

const h = (n: number, w: number): string =>
  n
    .toString(16)
    .padStart(8, '0')
    .slice(8 - w);

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
