/**
 * Network factories: outlets with their service areas and categories, and technicians (a user with
 * the technician role, the technician row and a skill). Inserted directly, typed by the network
 * module's tables.
 */
import { newId } from '../../src/platform/ids/index.ts';
import type { TestUser, World } from './world.ts';

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

/** An outlet with its service areas and categories. */
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

/** A technician of `outletId` with a login, skilled (level 3) in `categoryCode`. */
export async function makeTechnician(
  w: World,
  outletId: string,
  categoryCode: string,
): Promise<{ id: string; user: TestUser }> {
  const db = w.db.db;
  const at = w.clock.now().toISOString();
  const user = await w.user('technician');
  const id = newId();
  await db
    .insertInto('technicians')
    .values({
      id,
      outlet_id: outletId,
      user_id: user.id,
      name: `师傅${id.slice(-4)}`,
      phone: null,
      tier: 1,
      province_code: null,
      start_lat: null,
      start_lng: null,
      active: 1,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  // Skilled for the category: assignment refuses technicians without it (modules/assignment).
  await db
    .insertInto('technician_skills')
    .values({ technician_id: id, category_code: categoryCode, level: 3 })
    .execute();
  return { id, user };
}
