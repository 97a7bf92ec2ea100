import type { WarrantyEvaluation } from '@anxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct } from '../../../test/factories/customers.ts';
import {
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

/** The RMA list: keyset pages by request day either way, the outlet filter and scope, search, bad input. */
// Tuesday 2026-11-03 10:00 Shanghai.
const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/rma';

interface Row {
  id: string;
  number: string;
  requestedOn: string;
  outletId: string | null;
}

let w: World;
let refs: Refs;
let quality: Client;
let agent: Client;
let managerA: Client;
const made: Row[] = [];

/** The engine allows a no-reason return (the real rules live in modules/warranty). */
const engine = async (_productId: string, req: { asOf: string }): Promise<WarrantyEvaluation> => ({
  policy: { id: 'pol-1', kind: 'sanbao_1995', version: 1, nameZh: '三包', nameEn: 'Three guarantees' },
  asOf: req.asOf,
  coverage: {
    status: 'in_warranty',
    startsOn: '2026-10-30',
    unitUntil: '2027-10-29',
    mainPartsUntil: '2029-10-29',
    repairDays: 0,
    partsWaitDays: 0,
    reasons: [],
  },
  remedies: [
    {
      remedy: 'no_reason_return',
      allowed: true,
      deadline: null,
      rule: 'test.allowed',
      article: '',
      params: {},
      needsApproval: false,
      payer: null,
    },
  ],
  depreciation: null,
  usageCompensation: null,
});

async function open(by: Client) {
  const model = await w.db.db
    .selectFrom('installed_products')
    .select('model_id')
    .where('id', '=', refs.productId)
    .executeTakeFirstOrThrow();
  const productId = await makeProduct(w.db, {
    customerId: refs.customerId,
    modelId: model.model_id,
    categoryCode: refs.categoryCode,
    serial: `SN-L${made.length}`,
    purchaseDate: '2026-10-30',
    at: w.clock.now().toISOString(),
  });
  const r = await by.send('POST', P, {
    kind: 'return',
    remedy: 'no_reason_return',
    installedProductId: productId,
    cause: 'no_reason',
    description: '不想要了',
  });
  expect(r.status).toBe(201);
  made.push(r.body as Row);
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  w.built.modules.rma.ctx.evaluateProduct = engine;
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  // Two cases a day over three days: the store's (outlet A) and the hotline's (no outlet).
  for (let day = 0; day < 3; day++) {
    await open(managerA);
    await open(agent);
    w.clock.advance(86_400_000);
  }
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

async function allPages(who: Client, query: string, limit: number): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await who.get(`${P}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...(res.body.items as Row[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

describe('RMA list', () => {
  it('pages by request day either way without losing or repeating a case', async () => {
    const desc = await allPages(quality, 'sort=-requested_on', 4);
    expect(desc).toHaveLength(made.length);
    const keys = desc.map((r) => `${r.requestedOn}|${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(desc[0]!.requestedOn).toBe('2026-11-05');
    const asc = await allPages(quality, 'sort=requested_on', 5);
    expect(asc.map((r) => r.id)).toEqual(desc.map((r) => r.id).reverse());
    const exact = await quality.get(`${P}?limit=${made.length}`);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('filters by outlet; an outlet manager sees only their own outlet whatever they ask', async () => {
    const a = await allPages(quality, `outletId=${refs.outletA}`, 2);
    expect(a.map((r) => r.id).sort()).toEqual(
      made
        .filter((r) => r.outletId === refs.outletA)
        .map((r) => r.id)
        .sort(),
    );
    expect(a).toHaveLength(3);
    const b = await allPages(managerA, `outletId=${refs.outletB}`, 10);
    expect(b.every((r) => r.outletId === refs.outletA)).toBe(true);
  });

  it('finds a case by its number prefix, in any case', async () => {
    const r = await quality.get(`${P}?q=${made[2]!.number.toLowerCase()}`);
    expect(r.body.items.map((x: Row) => x.id)).toEqual([made[2]!.id]);
  });

  it('a bad sort or a cursor of another sort is 400 naming the field', async () => {
    const sort = await quality.get(`${P}?sort=customer`);
    expect(sort.status).toBe(400);
    expect(sort.body.code).toBe('request.validation_failed');
    expect(sort.body.errors[0].path).toContain('sort');
    const first = await quality.get(`${P}?sort=requested_on&limit=1`);
    const wrong = await quality.get(`${P}?cursor=${first.body.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
  });
});
