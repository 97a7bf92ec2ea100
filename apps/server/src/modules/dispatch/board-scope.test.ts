import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import { createBody, forceState, seedRefs, type Refs } from '../../../test/factories/workorders.ts';
import { startDispatchWorld, type DispatchWorld } from '../../../test/factories/dispatch.ts';
import type { Client } from '../../../test/factories/world.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: DispatchWorld;
let refs: Refs;

beforeAll(async () => {
  w = await startDispatchWorld(NOW);
  refs = await seedRefs(w);
  // One pending offer at each of outlet A (Guangzhou, 440106) and outlet B (Shanghai, 310101).
  const agent = await w.as(await w.user('agent'));
  for (const outletId of [refs.outletA, refs.outletB]) {
    const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    await forceState(w, o.id, { status: 'awaiting_dispatch' });
    await w.db.db
      .insertInto('dispatch_offers')
      .values({
        id: newId(),
        order_id: o.id,
        outlet_id: outletId,
        mode: 'manual',
        offered_at: NOW,
        offered_by: null,
        due_at: '2026-11-23T02:30:00.000Z',
        status: 'pending',
        responded_at: null,
        responded_by: null,
        reason_code: null,
        note: null,
        ranking: '[]',
      })
      .execute();
  }
}, 60_000);
afterAll(async () => w?.close());

interface BoardOutlet {
  id: string;
  code: string;
  pendingOffers: number;
}
async function board(c: Client): Promise<{ outlets: BoardOutlet[]; raw: string }> {
  const res = await c.get('/api/v1/dispatch/board');
  expect(res.status).toBe(200);
  return { outlets: res.body.outlets, raw: JSON.stringify(res.body) };
}
const codes = (outlets: BoardOutlet[]) => outlets.map((o) => o.code).sort();

describe('dispatch board outlet figures follow the data scope', () => {
  it('an all-scope dispatcher sees every outlet with its pending offers', async () => {
    const { outlets } = await board(await w.as(await w.user('dispatcher')));
    expect(codes(outlets)).toEqual(['A', 'B', 'S']);
    expect(outlets.find((o) => o.code === 'B')?.pendingOffers).toBe(1);
  });

  it('an outlet manager sees only its own outlet, and nothing of the other', async () => {
    const a = await board(await w.as(await w.user('outlet_manager', { outletId: refs.outletA })));
    expect(a.outlets).toMatchObject([{ code: 'A', pendingOffers: 1 }]);
    expect(a.raw).not.toContain(refs.outletB);
    const b = await board(await w.as(await w.user('outlet_manager', { outletId: refs.outletB })));
    expect(b.outlets).toMatchObject([{ code: 'B', pendingOffers: 1 }]);
    expect(b.raw).not.toContain(refs.outletA);
  });

  it('a region-scoped dispatcher sees the outlets located in its regions', async () => {
    const sh = await w.user('dispatcher', { scope: 'region', regions: ['310000'] });
    const { outlets, raw } = await board(await w.as(sh));
    expect(codes(outlets)).toEqual(['B']);
    expect(raw).not.toContain(refs.outletA);
  });

  it('an own-scope caller sees no outlet figures', async () => {
    const own = await w.user('dispatcher', { scope: 'own' });
    expect((await board(await w.as(own))).outlets).toEqual([]);
  });
});

describe('the board counts what waits outside the queue, within the scope', () => {
  it('counts new and accepted orders as not yet queued and outlet refusals as returned', async () => {
    const dispatcher = await w.as(await w.user('dispatcher'));
    const agent = await w.as(await w.user('agent'));
    const before = (await dispatcher.get('/api/v1/dispatch/board')).body.waiting;
    const fresh = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    const refused = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    await forceState(w, refused.id, { status: 'outlet_rejected' });
    // A desk hand-off goes to the queue and is not counted here.
    const queued = await agent.send('POST', '/api/v1/work-orders', createBody(refs, { handoff: 'dispatch' }));
    expect(queued.body.order.status).toBe('awaiting_dispatch');
    const after = (await dispatcher.get('/api/v1/dispatch/board')).body.waiting;
    expect(after).toEqual({ newOrders: before.newOrders + 1, returned: before.returned + 1 });
    expect(fresh.status).toBe('new');
    const own = await w.as(await w.user('dispatcher', { scope: 'own' }));
    expect((await own.get('/api/v1/dispatch/board')).body.waiting).toEqual({ newOrders: 0, returned: 0 });
  });
});
