import type { SchemeDefinition } from '@anxin/contracts';

export const centi = (n: number) => Math.round(n * 100);
export const sum = (xs: readonly { points: number }[]) => xs.reduce((s, x) => s + centi(x.points), 0) / 100;

/** The next free code under `prefix` (`A.1` → `A.1.3`). */
export function nextCode(def: SchemeDefinition, prefix: string): string {
  const used = new Set(
    def.sections.flatMap((s) => [
      s.code,
      ...s.indicators.flatMap((i) => [i.code, ...i.items.map((it) => it.code)]),
    ]),
  );
  for (let n = 1; ; n++) if (!used.has(`${prefix}.${n}`)) return `${prefix}.${n}`;
}
