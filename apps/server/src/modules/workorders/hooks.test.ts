import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { HOOK_ORDER, TransitionHooks, type HookName, type TransitionHookInput } from './hooks.ts';
import type { WorkOrder } from './domain/work-order.ts';

const trx = {} as Kysely<Database>;
const input = (from: WorkOrder['status'], to: WorkOrder['status']): TransitionHookInput => ({
  actor: { kind: 'system' } as Actor,
  order: { id: 'o1', status: from, version: 3 } as WorkOrder,
  req: { to, version: 3, data: {} },
  intents: {},
  now: new Date('2026-11-23T02:00:00Z'),
});
const within = (i: TransitionHookInput) => ({ ...i, afterCommit: () => undefined });

describe('transition hooks', () => {
  it('run in HOOK_ORDER, not in registration order', async () => {
    const hooks = new TransitionHooks();
    const ran: string[] = [];
    const names: HookName[] = [
      'callbacks.task_settled',
      'dispatch.order_waiting',
      'dispatch.offer_withdrawn',
    ];
    for (const name of names)
      hooks.register({
        name,
        to: '*',
        check: async () => void ran.push(`check ${name}`),
        within: async () => void ran.push(`within ${name}`),
      });
    const checked = await hooks.check(input('dispatched_outlet', 'awaiting_dispatch'));
    await hooks.within(trx, within(input('dispatched_outlet', 'awaiting_dispatch')), checked);
    const order = [...names].sort((a, b) => HOOK_ORDER.indexOf(a) - HOOK_ORDER.indexOf(b));
    expect(ran).toEqual([...order.map((n) => `check ${n}`), ...order.map((n) => `within ${n}`)]);
    expect(hooks.registered()).toEqual(order);
  });

  it('hand each check result to its own within only', async () => {
    const hooks = new TransitionHooks();
    const seen: Record<string, unknown> = {};
    hooks.register<{ dueAt: string }>({
      name: 'dispatch.offer_made',
      to: 'dispatched_outlet',
      check: async () => ({ pass: { dueAt: 'due-1' }, data: { checked: true } }),
      within: async (_t, _i, passed) => void (seen.offer = passed),
    });
    hooks.register<{ dueAt: string }>({
      name: 'callbacks.task_opened',
      to: 'dispatched_outlet',
      check: async () => ({ pass: { dueAt: 'due-2' } }),
      within: async (_t, _i, passed) => void (seen.task = passed),
    });
    hooks.register({
      name: 'routing.plan_assigned',
      to: 'dispatched_outlet',
      within: async (_t, _i, passed) => {
        seen.plan = passed;
        return { routePlanId: 'p1' };
      },
    });
    const i = input('awaiting_dispatch', 'dispatched_outlet');
    const checked = await hooks.check(i);
    expect(checked.data).toEqual({ checked: true });
    expect(await hooks.within(trx, within(i), checked)).toEqual({ routePlanId: 'p1' });
    expect(seen).toEqual({ offer: { dueAt: 'due-1' }, task: { dueAt: 'due-2' }, plan: undefined });
  });

  it('only run for their target and source statuses', async () => {
    const hooks = new TransitionHooks();
    const ran: string[] = [];
    hooks.register({
      name: 'dispatch.offer_accepted',
      to: 'outlet_accepted',
      from: ['dispatched_outlet'],
      check: async () => void ran.push('a'),
    });
    hooks.register({
      name: 'dispatch.offer_cancelled',
      to: 'cancelled',
      check: async () => void ran.push('c'),
    });
    await hooks.check(input('dispatched_outlet', 'outlet_accepted'));
    await hooks.check(input('new', 'outlet_accepted'));
    expect(ran).toEqual(['a']);
  });

  it('refuse an unknown or a second registration of a name at startup', () => {
    const hooks = new TransitionHooks();
    hooks.register({ name: 'dispatch.offer_made', to: 'dispatched_outlet' });
    expect(() => hooks.register({ name: 'dispatch.offer_made', to: 'dispatched_outlet' })).toThrow(
      /registered twice/,
    );
    expect(() => hooks.register({ name: 'parts.reserve' as HookName, to: 'completed' })).toThrow(
      /unknown transition hook parts\.reserve/,
    );
    hooks.registerAppointment({ name: 'assignment.window_free' });
    expect(() => hooks.registerAppointment({ name: 'assignment.window_free' })).toThrow(/registered twice/);
  });

  it('fail the composition root while a declared hook has no module behind it', () => {
    const hooks = new TransitionHooks();
    for (const name of HOOK_ORDER.slice(1)) hooks.register({ name, to: '*' });
    hooks.registerAppointment({ name: 'assignment.window_free' });
    expect(() => hooks.assertComplete()).toThrow(`declared but not registered: ${HOOK_ORDER[0]}`);
    hooks.register({ name: HOOK_ORDER[0], to: '*' });
    expect(() => hooks.assertComplete()).not.toThrow();
  });

  it('accept a patch of the allowed columns and throw on any other', async () => {
    const ok = new TransitionHooks();
    ok.register({
      name: 'dispatch.offer_withdrawn',
      to: 'awaiting_dispatch',
      check: async () => ({ patch: { outletId: null, technicianId: null } }),
    });
    expect((await ok.check(input('dispatched_outlet', 'awaiting_dispatch'))).patch).toEqual({
      outletId: null,
      technicianId: null,
    });

    const bad = new TransitionHooks();
    bad.register({
      name: 'dispatch.offer_withdrawn',
      to: 'awaiting_dispatch',
      // @ts-expect-error status is not among HOOK_PATCHABLE
      check: async () => ({ patch: { status: 'closed' } }),
    });
    await expect(bad.check(input('dispatched_outlet', 'awaiting_dispatch'))).rejects.toThrow(
      /dispatch\.offer_withdrawn may not patch work_orders\.status/,
    );
  });
});
