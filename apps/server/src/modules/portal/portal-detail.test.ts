// The signed-in customer's order page after the request: their own photos, the contact and address
// confirmed before sending, and the rating of the finished service (the same effect as a rating
// link: satisfied closes the order), once, and never for another customer's order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePortalUser } from '../../../test/factories/customers.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const GOOD = { timeliness: 5, attitude: 5, workmanship: 4, overall: 5, resolved: true };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let customer: Client;
let stranger: Client;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  customer = await w.as({ id: await makePortalUser(w.db, refs.customerId, NOW), username: 'c1' });
  stranger = await w.as({ id: await makePortalUser(w.db, refs.vipCustomerId, NOW), username: 'c2' });
});
afterAll(async () => w?.close());

const db = () => w.db.db;
const order = (id: string) =>
  db().selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const task = (orderId: string) =>
  db().selectFrom('callback_tasks').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
const rating = (c: Client, id: string) => c.get(`/api/v1/portal/orders/${id}/rating`);
const rate = (c: Client, id: string, body: unknown) =>
  c.send('POST', `/api/v1/portal/orders/${id}/rating`, body);

async function completed(): Promise<string> {
  const created = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  await forceState(w, id, {
    status: 'completed',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    completed_at: NOW,
  });
  return id;
}

async function toCallback(id: string): Promise<void> {
  const moved = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
    to: 'awaiting_callback',
    version: (await order(id)).version,
  });
  expect(moved.status).toBe(200);
}

describe('portal rating', () => {
  it('is closed before the callback is due: 409 and nothing written', async () => {
    const id = await completed();
    expect((await rating(customer, id)).body).toEqual({ state: 'none', questions: [] });
    const r = await rate(customer, id, { answers: GOOD });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('callback.rating_not_open');
    expect((await order(id)).status).toBe('completed');
  });

  it('a satisfied rating closes the order once, as a portal rating', async () => {
    const id = await completed();
    await toCallback(id);
    const open = await rating(customer, id);
    expect(open.body.state).toBe('open');
    expect(open.body.questions.map((q: { id: string }) => q.id)).toContain('overall');
    // Another customer's order is simply not found, and nothing changes.
    expect((await rating(stranger, id)).status).toBe(404);
    expect((await rate(stranger, id, { answers: GOOD })).status).toBe(404);
    // A score out of range is refused and changes nothing.
    const bad = await rate(customer, id, { answers: { ...GOOD, overall: 9 } });
    expect(bad.status).toBe(400);
    expect((await task(id)).status).toBe('open');
    const ok = await rate(customer, id, { answers: GOOD, comment: '师傅很专业' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ outcome: 'satisfied' });
    expect((await order(id)).status).toBe('closed');
    expect(await task(id)).toMatchObject({ status: 'satisfied', portal_rated: 1 });
    expect((await rating(customer, id)).body.state).toBe('none');
    expect((await rate(customer, id, { answers: GOOD })).status).toBe(409);
  });

  it('an unsatisfied rating is recorded for the call and cannot be given twice', async () => {
    const id = await completed();
    await toCallback(id);
    const r = await rate(customer, id, { answers: { ...GOOD, resolved: false }, comment: '还有噪音' });
    expect(r.body).toEqual({ outcome: 'recorded' });
    expect((await order(id)).status).toBe('awaiting_callback');
    expect(await task(id)).toMatchObject({ status: 'open', portal_rated: 1 });
    expect((await rating(customer, id)).body.state).toBe('rated');
    const again = await rate(customer, id, { answers: GOOD });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('callback.link_used');
    expect((await order(id)).status).toBe('awaiting_callback');
  });
});

/** A one-file multipart body (field `file`) for `Client.send`. */
function photo(filename: string): [Buffer, Record<string, string>] {
  const b = 'anxin-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return [body, { 'content-type': `multipart/form-data; boundary=${b}` }];
}

describe('portal photos', () => {
  it("serves the customer's own photo of the order, not staff files, not to another customer", async () => {
    const id = await completed();
    const mine = await customer.send('POST', `/api/v1/portal/orders/${id}/photos`, ...photo('漏水.png'));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const photoId = mine.body.id as string;
    const detail = await customer.get(`/api/v1/portal/orders/${id}`);
    expect(detail.body.photos).toEqual([{ id: photoId, filename: '漏水.png' }]);
    expect(detail.body).toMatchObject({ contactName: expect.any(String), contactPhone: expect.any(String) });
    const got = await customer.get(`/api/v1/portal/orders/${id}/photos/${photoId}`);
    expect(got.status).toBe(200);
    expect((await stranger.get(`/api/v1/portal/orders/${id}/photos/${photoId}`)).status).toBe(404);
    expect((await customer.get(`/api/v1/portal/orders/${id}/photos/not-a-photo-id`)).status).toBe(404);
    // A file the desk attached is the order's, but not the customer's photo: not served here.
    const staff = await agent.send('POST', `/api/v1/work-orders/${id}/attachments`, ...photo('staff.png'));
    expect(staff.status).toBe(201);
    expect((await customer.get(`/api/v1/portal/orders/${id}/photos/${staff.body.id}`)).status).toBe(404);
    expect((await customer.get(`/api/v1/portal/orders/${id}`)).body.photos).toHaveLength(1);
  });
});

/** The portal's multipart request: the JSON `request` field only. */
function requestBody(request: unknown): [Buffer, Record<string, string>] {
  const b = 'anxin-test-boundary';
  const body = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify(request)}\r\n--${b}--\r\n`,
  );
  return [body, { 'content-type': `multipart/form-data; boundary=${b}` }];
}

describe('portal contact confirmation', () => {
  it('shows what a request will use and takes another contact, refusing a bad mobile', async () => {
    const contact = await customer.get('/api/v1/portal/contact');
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ name: '王小明', phone: '13812345678' });
    const base = {
      type: 'repair',
      productId: refs.productId,
      faultDescription: '不制冷',
      preferredWindows: [{ start: '2026-11-25T01:00:00.000Z', end: '2026-11-25T05:00:00.000Z' }],
    };
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('work_orders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await customer.send(
      'POST',
      '/api/v1/portal/orders',
      ...requestBody({ ...base, contactPhone: '12345' }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('contactPhone');
    expect(await count()).toBe(before);
    const ok = await customer.send(
      'POST',
      '/api/v1/portal/orders',
      ...requestBody({ ...base, contactName: '王太太', contactPhone: '139 0000 1111' }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // Stored in full for the technician; the portal shows the number masked like every other view.
    expect(await order(ok.body.order.id)).toMatchObject({
      contact_name: '王太太',
      contact_phone: '13900001111',
    });
    expect(ok.body.order.contactPhone).toMatch(/1111$/);
  });
});
