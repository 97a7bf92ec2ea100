import { describe, expect, it } from 'vitest';
import { OFFLINE_READS } from './config.ts';
import { phoneAppOf } from './register.ts';

describe('phone apps', () => {
  it('finds the technician and portal apps by path, and none for desktop pages', () => {
    expect(phoneAppOf('/m/jobs')?.id).toBe('m');
    expect(phoneAppOf('/m/jobs/abc')?.scope).toBe('/m/');
    expect(phoneAppOf('/portal/orders')?.id).toBe('portal');
    expect(phoneAppOf('/dispatch')).toBeNull();
    expect(phoneAppOf('/workorders/1')).toBeNull();
    expect(phoneAppOf('/m')).toBeNull();
  });

  it('keeps offline only the reads the phone apps need, never another API path', () => {
    const kept = (p: string) => OFFLINE_READS.some((r) => r.test(p));
    expect(kept('/api/v1/field/jobs')).toBe(true);
    expect(kept('/api/v1/field/jobs/0192')).toBe(true);
    expect(kept('/api/v1/auth/session')).toBe(true);
    expect(kept('/api/v1/field/jobs/0192/arrive')).toBe(false);
    expect(kept('/api/v1/orders')).toBe(false);
    expect(kept('/api/v1/settings')).toBe(false);
  });
});
