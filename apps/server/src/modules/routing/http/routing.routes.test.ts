import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, login, type Session, type TestApp } from '../../../../test/app.ts';

let ta: TestApp;
let dispatcher: Session;
let agent: Session;
beforeAll(async () => {
  ta = await createTestApp();
  await createUser(ta.t, { username: 'disp', roles: ['dispatcher'] });
  await createUser(ta.t, { username: 'agent1', roles: ['agent'] });
  dispatcher = await login(ta.app, 'disp');
  agent = await login(ta.app, 'agent1');
});
afterAll(() => ta.close());

// Minutes since midnight; Euclidean kilometres at 1 km/min keep the arithmetic readable.
const instance = {
  jobs: [
    {
      id: 'j1',
      location: { x: 10, y: 0 },
      windows: [{ start: 480, end: 600 }],
      serviceDuration: 30,
      skills: ['aircon'],
    },
    { id: 'j2', location: { x: 0, y: 10 }, windows: [{ start: 540, end: 720 }], serviceDuration: 45 },
    { id: 'j3', location: { x: 5, y: 5 }, serviceDuration: 20, skills: ['sewing'] },
  ],
  technicians: [
    { id: 't1', start: { x: 0, y: 0 }, shift: { start: 480, end: 1080 }, skills: ['aircon'] },
    { id: 't2', start: { x: 0, y: 0 }, shift: { start: 480, end: 1080 } },
  ],
};

describe('POST /api/v1/routing/solve', () => {
  it('returns a checked plan and lists what cannot be served with the reason', async () => {
    const res = await dispatcher.req({
      method: 'POST',
      url: '/api/v1/routing/solve',
      payload: { instance, options: { timeLimitMs: 300, maxIterations: 2000 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.check).toEqual({ ok: true, violations: [] });
    const served = body.plan.routes
      .flatMap((r: { stops: Array<{ jobId: string }> }) => r.stops.map((s) => s.jobId))
      .sort();
    expect(served).toEqual(['j1', 'j2']);
    expect(body.plan.unassigned).toEqual([{ jobId: 'j3', reason: 'no_technician_with_skill' }]);
    const j1 = body.plan.routes.find((r: { stops: Array<{ jobId: string }> }) =>
      r.stops.some((s) => s.jobId === 'j1'),
    );
    expect(j1.technicianId).toBe('t1');
  });

  it('rejects an inconsistent instance with field paths', async () => {
    const bad = {
      ...instance,
      jobs: [{ id: 'x', location: { x: 1, y: 1 }, windows: [{ start: 600, end: 500 }], serviceDuration: 10 }],
    };
    const res = await dispatcher.req({
      method: 'POST',
      url: '/api/v1/routing/solve',
      payload: { instance: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toMatch(/^instance\.jobs/);
  });

  it('rejects malformed input before solving', async () => {
    const res = await dispatcher.req({
      method: 'POST',
      url: '/api/v1/routing/solve',
      payload: { instance: { jobs: 'none', technicians: [] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('instance.jobs');
  });

  it('needs routing:plan', async () => {
    const res = await agent.req({ method: 'POST', url: '/api/v1/routing/solve', payload: { instance } });
    expect(res.statusCode).toBe(403);
  });
});
