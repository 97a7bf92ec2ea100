import type { LeaveKind, OutletKind, ProspectStage } from './network.schema.ts';

/** Domain records the repositories return (never raw rows). */
export interface OutletFields {
  name: string;
  type: 'self_built' | 'entrusted';
  kind: OutletKind;
  parentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  dailyCapacity: number;
  grade: 'A' | 'B' | 'C' | 'D';
}
export interface OutletRecord extends OutletFields {
  id: string;
  code: string;
  status: 'active' | 'suspended';
  parentName: string | null;
  serviceAreas: string[];
  categories: string[];
  technicianCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ShiftRecord {
  weekday: number;
  startMinute: number;
  endMinute: number;
  breakStartMinute: number | null;
  breakEndMinute: number | null;
}
export interface CertificationRecord {
  id: string;
  name: string;
  number: string | null;
  categoryCode: string | null;
  issuedOn: string;
  expiresOn: string | null;
}
export interface TechnicianFields {
  outletId: string | null;
  userId: string | null;
  name: string;
  phone: string | null;
  tier: number;
  provinceCode: string | null;
  startLat: number | null;
  startLng: number | null;
  active: boolean;
}
export interface TechnicianRecord extends TechnicianFields {
  id: string;
  outletName: string | null;
  skills: Array<{ categoryCode: string; level: number }>;
  certifications: CertificationRecord[];
  shifts: ShiftRecord[];
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LeaveRecord {
  id: string;
  technicianId: string;
  startAt: string;
  endAt: string;
  kind: LeaveKind;
  note: string | null;
  createdAt: string;
}
export interface ProspectFields {
  regionCode: string;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  categories: string[];
  notes: string | null;
}
export interface ProspectRecord extends ProspectFields {
  id: string;
  stage: ProspectStage;
  linkedOutletId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
