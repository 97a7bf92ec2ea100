/**
 * Reads of another module's table that still go straight to SQL, per reading module (or
 * 'platform'). This list may only shrink: test/ownership/table-ownership.test.ts fails on a read
 * missing here and on an entry no longer needed. Replace an entry with a read function exported
 * from the owner's index.ts (as complaintFacts and gradeOf do), then delete it. Writes to another
 * module's table have no list: they are never allowed.
 */
export const FOREIGN_READS: Readonly<Record<string, readonly string[]>> = {
  assignment: [
    'dispatch_offers',
    'technician_leave',
    'technician_shifts',
    'technician_skills',
    'technicians',
    'work_orders',
  ],
  callbacks: ['work_orders'],
  complaints: ['work_orders'],
  customers: ['technicians', 'work_orders'],
  dispatch: ['customers', 'outlet_categories', 'outlet_service_areas', 'outlets', 'work_orders'],
  escalation: ['outlets', 'technicians', 'work_orders'],
  grading: ['outlets', 'work_orders'],
  platform: ['user_roles', 'users'],
  routing: ['outlet_service_areas', 'outlets', 'technician_skills', 'technicians', 'work_orders'],
  settlement: ['outlets', 'work_orders'],
  workorders: [
    'customer_phones',
    'customers',
    'fault_codes',
    'installed_products',
    'outlets',
    'technicians',
    'work_order_participants',
  ],
};
