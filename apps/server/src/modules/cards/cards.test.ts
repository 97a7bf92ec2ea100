import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partItem, stockIn } from '../../../test/factories/parts.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { newId } from '../../platform/ids/index.ts';
import { ensureLocation } from '../parts/index.ts';

const NOW = '2026-11-03T02:00:00.000Z';
const C = '/api/v1/cards';
const PORTAL = '/api/v1/portal/cards';
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let w: World;
let refs: Refs;
let agent: Client;
let techA: Client;
let managerA: Client;
let wang: Client;
let li: Client;
let modelId: string;
const db = () => w.db.db;

/** A portal customer's session: a `customer` user bound to the customer, as the OTP sign-in makes. */
async function customerSession(customerId: string): Promise<Client> {
  const id = newId();
  const at = w.clock.now().toISOString();
  await db()
    .insertInto('users')
    .values({
      id,
      username: `c-${id.slice(-8)}`,
      display_name: 'customer',
      kind: 'customer',
      password_hash: 'x',
      phone: null,
      locale: 'zh-CN',
      scope_level: 'own',
      scope_regions: '[]',
      outlet_id: null,
      customer_id: customerId,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return w.as({ id, username: `c-${id.slice(-8)}` });
}

const productRow = (id: string) =>
  db().selectFrom('installed_products').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const count = async (table: 'warranty_cards' | 'workshop_receipts' | 'warranty_card_transfers') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  techA = await w.as(refs.techA.user);
  wang = await customerSession(refs.customerId);
  li = await customerSession(refs.vipCustomerId);
  modelId = (await productRow(refs.productId)).model_id;
});
afterAll(async () => w?.close());

describe('warranty card activation', () => {
  it('refuses an unknown serial, another customer’s serial, then activates once with a card page and QR', async () => {
    const unknown = await wang.send('POST', `${PORTAL}/activate`, { serial: 'NOPE-404' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'card.serial_unknown', params: { serial: 'NOPE-404' } });

    const theirs = await li.send('POST', `${PORTAL}/activate`, { serial: 'sn-0001' });
    expect(theirs.status).toBe(409);
    expect(theirs.body.code).toBe('card.serial_of_another_customer');
    expect(await count('warranty_cards')).toBe(0);

    const ok = await wang.send('POST', `${PORTAL}/activate`, { serial: 'sn-0001' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      cardNo: 'BK20261103-0001',
      productId: refs.productId,
      holderId: refs.customerId,
      holderName: '王小明',
      serial: 'SN-0001',
      channel: 'portal',
      activatedAt: NOW,
      hotline: '400-800-1234',
      transfers: [],
    });
    expect(ok.body.verifyToken).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const again = await wang.send('POST', `${PORTAL}/activate`, { serial: 'SN-0001' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'card.already_activated',
      params: { cardNo: 'BK20261103-0001' },
    });

    const mine = await wang.get(PORTAL);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([ok.body.id]);
    expect((await wang.get(`${PORTAL}/${ok.body.id}`)).body.cardNo).toBe('BK20261103-0001');
    // Another customer cannot open it.
    expect((await li.get(`${PORTAL}/${ok.body.id}`)).status).toBe(404);
    expect((await li.get(PORTAL)).body.items).toEqual([]);

    // The public page: no session, no name, masked serial.
    const pub = await w.built.app.inject({ method: 'GET', url: `${C}/verify/${ok.body.verifyToken}` });
    expect(pub.statusCode).toBe(200);
    const v = pub.json();
    expect(v).toMatchObject({
      cardNo: 'BK20261103-0001',
      maskedSerial: 'SN**001',
      activatedOn: '2026-11-03',
    });
    expect(JSON.stringify(v)).not.toContain('王小明');
    expect(JSON.stringify(v)).not.toContain('SN-0001');
    const bad = await w.built.app.inject({ method: 'GET', url: `${C}/verify/AAAAAAAAAAAAAAAAAAAAAA` });
    expect(bad.statusCode).toBe(404);
  });

  it('registers a new serial through the customers module when the model is given', async () => {
    const r = await li.send('POST', `${PORTAL}/activate`, {
      serial: 'new-7788',
      register: { modelId, purchaseDate: '2026-10-01' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      serial: 'NEW-7788',
      holderId: refs.vipCustomerId,
      purchaseDate: '2026-10-01',
    });
    expect((await productRow(r.body.productId)).customer_id).toBe(refs.vipCustomerId);
  });

  it('lets store staff activate for a customer; a technician may not', async () => {
    const body = {
      serial: 'STORE-1',
      customerId: refs.customerId,
      register: { modelId, purchaseDate: null },
    };
    expect((await techA.send('POST', `${C}/activate`, body)).status).toBe(403);
    const r = await managerA.send('POST', `${C}/activate`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ channel: 'store', serial: 'STORE-1' });
    const info = await agent.get(`${C}/products/${r.body.productId}`);
    expect(info.body).toMatchObject({ card: { id: r.body.id }, transferAllowed: true, repairParts: [] });
    // No purchase date given: the warranty runs from the activation day.
    expect(r.body).toMatchObject({ purchaseDate: '2026-11-03', warranty: { status: 'in_warranty' } });
  });
});

describe('ownership transfer', () => {
  it('moves the card and the product to a new customer by phone, keeping the history', async () => {
    const r = await li.send('POST', `${PORTAL}/activate`, {
      serial: 'GIFT-1',
      register: { modelId, purchaseDate: '2026-09-01' },
    });
    const card = r.body;
    expect(
      (
        await agent.send('POST', `${C}/${card.id}/transfer`, {
          toPhone: '13998765432',
          reason: '转送',
          version: card.version,
        })
      ).body.code,
    ).toBe('card.transfer_to_holder');
    const noName = await agent.send('POST', `${C}/${card.id}/transfer`, {
      toPhone: '13700001111',
      reason: '转送亲友',
      version: card.version,
    });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0]).toMatchObject({ path: 'toName', rule: 'required' });
    const stale = await agent.send('POST', `${C}/${card.id}/transfer`, {
      toPhone: '13812345678',
      reason: '转送亲友',
      version: card.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(await count('warranty_card_transfers')).toBe(0);

    const t = await agent.send('POST', `${C}/${card.id}/transfer`, {
      toPhone: '13700001111',
      toName: '赵新',
      reason: '转送亲友',
      version: card.version,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body).toMatchObject({
      holderName: '赵新',
      transfers: [{ fromName: '李华', toName: '赵新', reason: '转送亲友' }],
      // The 三包 dates follow the unit.
      warranty: card.warranty,
      version: card.version + 1,
    });
    expect((await productRow(card.productId)).customer_id).toBe(t.body.holderId);
    expect((await li.get(`${PORTAL}/${card.id}`)).status).toBe(404);
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', card.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['card.activated', 'card.transferred']);
  });

  it('refuses where the category policy forbids it', async () => {
    const admin = await w.as(await w.user('admin'));
    const cur = (await admin.get('/api/v1/settings/cards.policy')).body;
    const put = await admin.send('PUT', '/api/v1/settings/cards.policy', {
      value: { ...cur.value, transferByCategory: { [refs.categoryCode]: false } },
      version: cur.version,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const r = await li.send('POST', `${PORTAL}/activate`, {
      serial: 'LOCK-1',
      register: { modelId, purchaseDate: null },
    });
    expect((await agent.get(`${C}/products/${r.body.productId}`)).body.transferAllowed).toBe(false);
    const t = await agent.send('POST', `${C}/${r.body.id}/transfer`, {
      toPhone: '13812345678',
      reason: '转卖',
      version: r.body.version,
    });
    expect(t.status).toBe(422);
    expect(t.body).toMatchObject({
      code: 'card.transfer_not_allowed',
      params: { categoryCode: refs.categoryCode },
    });
    await admin.send('PUT', '/api/v1/settings/cards.policy', { value: cur.value, version: put.body.version });
  });
});

describe('repaired parts and workshop receipts', () => {
  let orderId: string;
  beforeAll(async () => {
    const o = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    orderId = o.body.order.id;
    await forceState(w, orderId, {
      status: 'in_progress',
      outlet_id: refs.outletA,
      technician_id: refs.techA.id,
      technician_user_id: refs.techA.user.id,
    });
  });

  it('gives each part fitted on a completed order completion + N days, N per part class', async () => {
    const seal = await partItem(db(), { name: '门封', universal: true });
    const board = await partItem(db(), { name: '主板', universal: true });
    await db().updateTable('part_items').set({ part_class: 'board' }).where('id', '=', board.id).execute();
    const van = await ensureLocation(db(), { kind: 'van', id: refs.techA.id, name: '车载' }, w.clock.now());
    await stockIn(db(), van, seal.id, 5);
    await stockIn(db(), van, board.id, 5);
    const reserve = await techA.send('POST', `/api/v1/parts/orders/${orderId}/reserve`, {
      locationId: van,
      lines: [
        { itemId: seal.id, qty: 1, paidBy: 'warranty' },
        { itemId: board.id, qty: 1, paidBy: 'warranty' },
      ],
    });
    expect(reserve.status, JSON.stringify(reserve.body)).toBe(200);
    const parts = (await techA.get(`/api/v1/parts/orders/${orderId}`)).body;
    const consume = await techA.send('POST', `/api/v1/parts/orders/${orderId}/consume`, {
      lines: parts.usages.map((u: { id: string }) => ({ usageId: u.id })),
    });
    expect(consume.status, JSON.stringify(consume.body)).toBe(200);

    const admin = await w.as(await w.user('admin'));
    const cur = (await admin.get('/api/v1/settings/cards.policy')).body;
    await admin.send('PUT', '/api/v1/settings/cards.policy', {
      value: { ...cur.value, repairWarrantyDaysByPartClass: { board: 180 } },
      version: cur.version,
    });
    // Not completed yet: nothing under repair warranty.
    expect((await agent.get(`${C}/products/${refs.productId}`)).body.repairParts).toEqual([]);
    await forceState(w, orderId, { status: 'completed', completed_at: '2026-11-03T03:00:00.000Z' });
    const info = (await agent.get(`${C}/products/${refs.productId}`)).body;
    const byName = Object.fromEntries(info.repairParts.map((p: { itemName: string }) => [p.itemName, p]));
    expect(byName['门封']).toMatchObject({
      completedOn: '2026-11-03',
      days: 90,
      until: '2027-02-01',
      active: true,
    });
    expect(byName['主板']).toMatchObject({
      partClass: 'board',
      days: 180,
      until: '2027-05-02',
      active: true,
    });
    w.clock.set(new Date('2027-03-01T00:00:00.000Z'));
    const later = (await agent.get(`${C}/products/${refs.productId}`)).body.repairParts;
    expect(later.map((p: { itemName: string; active: boolean }) => [p.itemName, p.active])).toEqual([
      ['主板', true],
      ['门封', false],
    ]);
    w.clock.set(new Date(NOW));
  });

  it('opens one numbered, signed receipt per order and closes it at pick-up', async () => {
    const body = { accessories: ['遥控器', '电源线'], condition: '外壳有划痕', signature: SIGNATURE };
    const past = await techA.send('POST', `${C}/orders/${orderId}/receipts`, {
      ...body,
      promisedReturnDate: '2026-11-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ path: 'promisedReturnDate', rule: 'not_in_past' });
    expect((await agent.send('POST', `${C}/orders/${orderId}/receipts`, body)).status).toBe(403);

    const r = await techA.send('POST', `${C}/orders/${orderId}/receipts`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      number: 'SJ20261103-0001',
      serial: 'SN-0001',
      accessories: ['遥控器', '电源线'],
      promisedReturnDate: '2026-11-10',
      status: 'open',
      customerName: '王小明',
    });
    const dup = await managerA.send('POST', `${C}/orders/${orderId}/receipts`, body);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'card.receipt_open', params: { number: 'SJ20261103-0001' } });

    const list = await managerA.get(`${C}/orders/${orderId}/receipts`);
    expect(list.body.items).toHaveLength(1);
    const closed = await managerA.send('POST', `${C}/receipts/${r.body.id}/close`, { version: 1 });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: NOW, version: 2 });
    expect(closed.body.closedByName).toMatch(/^outlet_manager-/);
    const twice = await techA.send('POST', `${C}/receipts/${r.body.id}/close`, { version: 2 });
    expect(twice.body).toMatchObject({ code: 'card.receipt_closed' });
    // Closed: a new trip to the workshop gets a new receipt.
    expect((await techA.send('POST', `${C}/orders/${orderId}/receipts`, body)).body.number).toBe(
      'SJ20261103-0002',
    );
  });
});
