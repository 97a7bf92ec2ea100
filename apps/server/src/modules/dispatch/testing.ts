/**
 * Test support for dispatch: the whole app on a fresh database with a ManualClock and the runtime
 * at hand (tests drain the outbox and run the time-out job by hand), plus outlet factories.
 */
import { newId } from '../../platform/ids/index.ts';
import { startWorld, type World } from '../workorders/testing.ts';

/** The work-order test world; its runtime lets tests drain the outbox and run jobs by hand. */
export type DispatchWorld = World;
export const startDispatchWorld = (now: string): Promise<DispatchWorld> => startWorld(now);

export interface OutletSpec {
  code: string;
  areas: string[];
  categories?: string[];
  grade?: 'A' | 'B' | 'C' | 'D';
  status?: 'active' | 'suspended';
  capacity?: number;
  lat?: number | null;
  lng?: number | null;
  district?: string;
}

/** An outlet with its service areas and categories (network tables, inserted directly). */
export async function makeOutlet(w: World, s: OutletSpec): Promise<string> {
  const db = w.db.db;
  const id = newId();
  const at = w.clock.now().toISOString();
  const district = s.district ?? s.areas[0]!.padEnd(6, '0');
  await db
    .insertInto('outlets')
    .values({
      id,
      code: s.code,
      name: `网点${s.code}`,
      type: 'entrusted',
      parent_id: null,
      contact_name: null,
      contact_phone: null,
      province_code: district.slice(0, 2) + '0000',
      city_code: district.slice(0, 4) + '00',
      district_code: district,
      address: 'x',
      lat: s.lat ?? null,
      lng: s.lng ?? null,
      daily_capacity: s.capacity ?? 10,
      status: s.status ?? 'active',
      grade: s.grade ?? 'B',
      created_at: at,
      updated_at: at,
      version: 1,
    } as never)
    .execute();
  if (s.areas.length)
    await db
      .insertInto('outlet_service_areas')
      .values(s.areas.map((region_code) => ({ outlet_id: id, region_code })))
      .execute();
  const cats = s.categories ?? ['WM'];
  if (cats.length)
    await db
      .insertInto('outlet_categories')
      .values(cats.map((category_code) => ({ outlet_id: id, category_code })))
      .execute();
  return id;
}
