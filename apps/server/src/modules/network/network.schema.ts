export interface OutletsTable {
  id: string;
  code: string;
  name: string;
  type: 'self_built' | 'entrusted';
  parent_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  province_code: string;
  city_code: string;
  district_code: string;
  address: string;
  lat: number | null;
  lng: number | null;
  daily_capacity: number;
  status: 'active' | 'suspended';
  grade: 'A' | 'B' | 'C' | 'D';
  created_at: string;
  updated_at: string;
  version: number;
}
export interface OutletServiceAreasTable {
  outlet_id: string;
  region_code: string;
}
export interface OutletCategoriesTable {
  outlet_id: string;
  category_code: string;
}
export interface TechniciansTable {
  id: string;
  outlet_id: string | null;
  user_id: string | null;
  name: string;
  phone: string | null;
  tier: number;
  province_code: string | null;
  start_lat: number | null;
  start_lng: number | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface TechnicianSkillsTable {
  technician_id: string;
  category_code: string;
  level: number;
}
export interface NetworkTables {
  outlets: OutletsTable;
  outlet_service_areas: OutletServiceAreasTable;
  outlet_categories: OutletCategoriesTable;
  technicians: TechniciansTable;
  technician_skills: TechnicianSkillsTable;
}
