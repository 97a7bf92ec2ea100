import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { makeBookableContract } from '../../../test/factories/delivery.ts';
import { makeOutlet, makeTechnician } from '../../../test/factories/network.ts';
import { walkPages } from '../../../test/factories/pages.ts';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';

// Thursday 2026-11-05 10:00 Shanghai.
const NOW = '2026-11-05T02:00:00.000Z';
const TODAY = '2026-11-05';
const P = '/api/v1/delivery';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const slot = { start: '09:00', end: '12:00' };

let w: World;
let agent: Client;
let dispatcher: Client;
let tech: Client;
let crewId: string;

beforeAll(async () => {
  w = await startWorld(NOW);
  await makeCatalog(w.db, 'WM');
  const outlet = await makeOutlet(w, { code: 'O1', areas: ['310101'] });
  const lead = await makeTechnician(w, outlet, 'WM');
  const mate = await makeTechnician(w, outlet, 'WM');
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  tech = await w.as(lead.user);
  const crew = await dispatcher.send('POST', `${P}/crews`, {
    name: '一组',
    leaderTechnicianId: lead.id,
    memberTechnicianIds: [mate.id],
  });
  expect(crew.status).toBe(201);
  crewId = crew.body.id;
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

const book = (contractId: string, over: Record<string, unknown> = {}) =>
  agent.send('POST', `${P}/bookings`, { contractId, date: TODAY, slot, agreedBy: 'center', ...over });
const step = (c: Client, id: string, body: Record<string, unknown>) =>
  c.send('POST', `${P}/bookings/${id}/steps`, body);

describe('booking', () => {
  it('refuses a date past the working-day window, naming the last day, and changes nothing', async () => {
    const c = await makeBookableContract(w, { model: 'WM-1', batchDate: TODAY });
    // Thu 5 Nov + 3 working days = Tue 10 Nov.
    const late = await book(c.id, { date: '2026-11-11' });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      code: 'delivery.booking_outside_window',
      params: { latest: '2026-11-10' },
    });
    const list = await agent.get(`${P}/contracts`);
    expect(list.body.items.find((x: { id: string }) => x.id === c.id)?.latestDate).toBe('2026-11-10');
    const ok = await book(c.id, { date: '2026-11-10' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'booked', promisedDate: '2026-11-10', latestDate: '2026-11-10' });
    const again = await book(c.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'delivery.already_booked', params: { number: ok.body.number } });
  });

  it('refuses a contract whose goods are not in yet', async () => {
    const c = await makeBookableContract(w, { model: 'WM-1', batchDate: TODAY, availableDate: '2026-11-09' });
    const r = await book(c.id, { date: '2026-11-06' });
    expect(r.body).toMatchObject({
      code: 'delivery.goods_not_available',
      params: { availableDate: '2026-11-09' },
    });
  });
});

describe('the crew job, voucher, callback and figures', () => {
  it('runs from booking to the installation callback', async () => {
    const c = await makeBookableContract(w, { model: 'WM-1', batchDate: TODAY, phone: '13900139000' });
    const booked = await book(c.id, { lat: 31.23, lng: 121.47 });
    const id = booked.body.id as string;

    const plan = await dispatcher.send('POST', `${P}/plans`, { date: TODAY });
    expect(plan.status).toBe(200);
    expect(plan.body.routes[0]).toMatchObject({ crewId, stops: [{ bookingId: id }] });

    const mine = await tech.get(`${P}/bookings?date=${TODAY}`);
    expect(mine.body.items.map((b: { id: string }) => b.id)).toEqual([id]);

    const half = await step(tech, id, {
      action: 'depart',
      version: 1,
      calledAhead: true,
      inspectedBeforeLoading: false,
    });
    expect(half.status).toBe(422);
    expect(half.body).toMatchObject({
      code: 'delivery.checklist_incomplete',
      params: { items: ['inspectedBeforeLoading'] },
    });
    const gone = await step(tech, id, {
      action: 'depart',
      version: 1,
      calledAhead: true,
      inspectedBeforeLoading: true,
    });
    expect(gone.body.status).toBe('departed');

    const deliver = {
      action: 'deliver',
      version: 2,
      shoeCovers: true,
      assembledOnPackaging: true,
      cleanedUp: true,
      goodsIntact: true,
      signedBy: '李女士',
      signature: PNG,
    };
    const noSerial = await step(tech, id, deliver);
    expect(noSerial.body).toMatchObject({ code: 'delivery.serial_required', params: { model: 'WM-1' } });
    const done = await step(tech, id, {
      ...deliver,
      serials: [{ lineId: c.lineId, serial: 'AC2026110501' }],
    });
    expect(done.body).toMatchObject({ status: 'delivered', hasSignature: true, goodsIntact: true });

    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const after = await agent.get(`${P}/bookings/${id}`);
    expect(after.body.installedProductIds).toHaveLength(1);
    const product = await w.db.db
      .selectFrom('installed_products')
      .select(['install_date', 'serial'])
      .where('id', '=', after.body.installedProductIds[0])
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ install_date: TODAY, serial: 'AC2026110501' });

    // The crew cannot return the voucher; the service department can.
    expect((await step(tech, id, { action: 'return_voucher', version: 3 })).status).toBe(403);
    const back = await step(agent, id, { action: 'return_voucher', version: 3 });
    expect(back.body.status).toBe('voucher_returned');
    const called = await step(agent, id, {
      action: 'record_callback',
      version: 4,
      satisfaction: 5,
      note: null,
    });
    expect(called.body).toMatchObject({ status: 'closed', satisfaction: 5 });

    const figures = await agent.get(`${P}/figures?month=2026-11&by=crew`);
    expect(figures.status).toBe(200);
    expect(figures.body.rows.find((r: { key: string }) => r.key === crewId)).toMatchObject({
      deliveries: 1,
      onTime: 1,
      intact: 1,
      callbacks: 1,
      satisfied: 1,
      onTimePercent: 100,
    });
    expect(figures.body.targets.onTimePercent).toBe(90);
  });

  it('hands a damaged delivery to the RMA flow, solving the problem', async () => {
    const c = await makeBookableContract(w, { model: 'WM-1', batchDate: TODAY, phone: '13700137000' });
    const id = (await book(c.id, { crewId })).body.id as string;
    await step(tech, id, { action: 'depart', version: 1, calledAhead: true, inspectedBeforeLoading: true });
    const ex = await step(tech, id, {
      action: 'report_exception',
      version: 2,
      kind: 'damaged',
      note: '侧板磕碰',
    });
    expect(ex.body).toMatchObject({ status: 'exception', goodsIntact: false, exceptionKind: 'damaged' });
    const rma = await step(agent, id, {
      action: 'hand_to_rma',
      version: 3,
      kind: 'exchange',
      lineId: c.lineId,
      serial: 'AC2026110502',
    });
    expect(rma.body.status).toBe('handed_to_rma');
    expect(rma.body.problemSolvedAt).not.toBeNull();
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const after = await agent.get(`${P}/bookings/${id}`);
    expect(after.body.rmaCaseId).toBeTruthy();
    const kase = await agent.get(`/api/v1/rma/${after.body.rmaCaseId}`);
    expect(kase.body).toMatchObject({ kind: 'exchange', cause: 'transport_damage' });
    // The contract can be booked again (a new delivery after the exchange).
    const list = await agent.get(`${P}/contracts`);
    expect(list.body.items.some((x: { id: string }) => x.id === c.id)).toBe(true);
  });
});

describe('goods the product catalogue does not know', () => {
  it('are delivered and signed, named in the event instead of failing the follow-up; no RMA hand-over', async () => {
    const c = await makeBookableContract(w, {
      model: 'ZZ-NOT-LISTED',
      batchDate: TODAY,
      phone: '13600136000',
    });
    const id = (await book(c.id, { crewId })).body.id as string;
    await step(tech, id, { action: 'depart', version: 1, calledAhead: true, inspectedBeforeLoading: true });
    const done = await step(tech, id, {
      action: 'deliver',
      version: 2,
      shoeCovers: true,
      assembledOnPackaging: true,
      cleanedUp: true,
      goodsIntact: true,
      signedBy: '周先生',
      signature: PNG,
      serials: [{ lineId: c.lineId, serial: 'ZZ2026110501' }],
    });
    expect(done.body.status).toBe('delivered');
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    expect((await agent.get(`${P}/bookings/${id}`)).body.installedProductIds).toEqual([]);
    const ev = await w.db.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', id)
      .where('type', '=', 'delivery.products_installed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data)).toMatchObject({
      unregistered: [{ model: 'ZZ-NOT-LISTED', serial: 'ZZ2026110501' }],
    });

    const other = await makeBookableContract(w, {
      model: 'ZZ-NOT-LISTED',
      batchDate: TODAY,
      phone: '13600136001',
    });
    const bid = (await book(other.id, { crewId })).body.id as string;
    await step(tech, bid, { action: 'depart', version: 1, calledAhead: true, inspectedBeforeLoading: true });
    await step(tech, bid, { action: 'report_exception', version: 2, kind: 'damaged', note: '磕碰' });
    const refused = await step(agent, bid, {
      action: 'hand_to_rma',
      version: 3,
      kind: 'exchange',
      lineId: other.lineId,
      serial: 'ZZ2026110502',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'delivery.model_unknown',
      params: { model: 'ZZ-NOT-LISTED' },
    });
    expect((await agent.get(`${P}/bookings/${bid}`)).body.status).toBe('exception');
  });
});

describe('contracts to book pages', () => {
  it('walks more contracts than a page by cursor, oldest batch first, each once, booked ones left out', async () => {
    const made: { id: string; batchDate: string }[] = [];
    for (let i = 0; i < 9; i++) {
      const batchDate = `2026-11-${String(5 + Math.floor(i / 2)).padStart(2, '0')}`;
      made.push({
        id: (await makeBookableContract(w, { model: 'WM-1', batchDate, availableDate: TODAY })).id,
        batchDate,
      });
    }
    // Two of them booked: not offered again, and the pages still fill.
    const b2 = await book(made[2]!.id);
    expect(b2.status, JSON.stringify(b2.body)).toBe(201);
    expect((await book(made[3]!.id)).status).toBe(201);
    const { rows } = await walkPages<{ id: string; batchDate: string }>(agent, `${P}/contracts`, 2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const mine = rows.filter((r) => made.some((m) => m.id === r.id));
    const want = made
      .filter((_, i) => i !== 2 && i !== 3)
      .sort((a, b) =>
        a.batchDate === b.batchDate ? (a.id < b.id ? -1 : 1) : a.batchDate < b.batchDate ? -1 : 1,
      );
    expect(mine.map((r) => r.id)).toEqual(want.map((r) => r.id));
    const keys = rows.map((r) => `${r.batchDate}|${r.id}`);
    expect(keys).toEqual([...keys].sort());
    expect((await agent.get(`${P}/contracts?cursor=zz`)).status).toBe(400);
  });
});
