import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

const roleOf = (env: Record<string, string>) => {
  const c = loadConfig({ NODE_ENV: 'test', ...env });
  return { role: c.role, runWorkers: c.runWorkers, serveHttp: c.serveHttp };
};

describe('ANXIN_ROLE', () => {
  it('splits HTTP and background work between api and worker nodes; one node does both', () => {
    expect(roleOf({})).toEqual({ role: 'all', runWorkers: true, serveHttp: true });
    expect(roleOf({ ANXIN_ROLE: 'api' })).toEqual({ role: 'api', runWorkers: false, serveHttp: true });
    expect(roleOf({ ANXIN_ROLE: 'worker' })).toEqual({ role: 'worker', runWorkers: true, serveHttp: false });
  });

  it('keeps the older ANXIN_WORKERS=off meaning api, and refuses an unknown role', () => {
    expect(roleOf({ ANXIN_WORKERS: 'off' }).role).toBe('api');
    expect(roleOf({ ANXIN_WORKERS: 'off', ANXIN_ROLE: 'all' }).role).toBe('all');
    expect(() => roleOf({ ANXIN_ROLE: 'both' })).toThrow();
  });
});
