import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createBody, seedRefs, type Refs } from '../../../test/factories/workorders.ts';
import { startWorld, type Client, type Reply, type World } from '../../../test/factories/world.ts';
import { firstUnstorable } from './storable-text.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: World;
let refs: Refs;
let agent: Client;
let orderId: string;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  orderId = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order.id;
}, 60_000);
afterAll(async () => w?.close());

/** Row counts of the tables a refused request could have touched. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['customers', 'customer_phones', 'work_orders', 'attachments', 'events']) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(w.db.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

function expectRefused(res: Reply, path: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ code: 'request.unstorable_text' });
  expect(res.body.errors).toEqual([expect.objectContaining({ path, rule: 'request.unstorable_text' })]);
}

const customer = (extra: Record<string, unknown>) => ({
  name: '王小明',
  phones: [{ phone: '13700000001' }],
  ...extra,
});

describe('unstorable text is refused with 400 and changes nothing', () => {
  it.each([
    ['NUL in a body field', customer({ name: '王\u0000明' }), 'name'],
    ['a lone high surrogate', customer({ note: 'ok \ud800' }), 'note'],
    ['a lone low surrogate', customer({ note: '\udc00 ok' }), 'note'],
    [
      'NUL nested in an array',
      customer({ phones: [{ phone: '13700000001', label: 'a\u0000' }] }),
      'phones.0.label',
    ],
    ['NUL in an object key', customer({ ['x\u0000y']: 1 }), 'x\u0000y'],
  ])('%s', async (_what, body, path) => {
    const before = await counts();
    expectRefused(await agent.send('POST', '/api/v1/customers', body), path);
    expect(await counts()).toEqual(before);
  });

  it('comes after authentication: an anonymous caller learns nothing about the input', async () => {
    const res = await w.built.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      payload: customer({ name: '王\u0000明' }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('a surrogate pair (an emoji) is fine', async () => {
    const res = await agent.send('POST', '/api/v1/customers', customer({ note: '好评 😀' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('%00 in a path id, in a query value and in a query name', async () => {
    expectRefused(await agent.get('/api/v1/customers/abc%00'), 'id');
    expectRefused(await agent.get('/api/v1/work-orders?q=ab%00cd'), 'q');
    expectRefused(await agent.get('/api/v1/work-orders?a%00b=1'), 'a\u0000b');
    const before = await counts();
    expectRefused(await agent.send('PATCH', '/api/v1/customers/x%00', { version: 1 }), 'id');
    expect(await counts()).toEqual(before);
  });

  it('a multipart file name with NUL', async () => {
    const boundary = '----anxin';
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      jpeg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const before = await counts();
    const res = await agent.send('POST', `/api/v1/work-orders/${orderId}/attachments`, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expectRefused(res, 'file');
    expect(await counts()).toEqual(before);
  });
});

describe('firstUnstorable', () => {
  it('walks deep nesting without recursion', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(firstUnstorable(deep, 'body')).toMatch(/^0(\.0)+$/);
    expect(firstUnstorable({ a: [1, null, true, { b: 'fine' }] }, 'body')).toBeNull();
    expect(firstUnstorable('\u0000', 'body')).toBe('body');
  });
});
