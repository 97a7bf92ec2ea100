import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// 10:00 in Shanghai; the appointment is later today.
const NOW = '2026-11-23T02:00:00Z';
const HOME = { lat: 23.1291, lng: 113.2644 };

let w: World;
let refs: Refs;
let tech: Client;
let otherTech: Client;
let agent: Client;
let managerA: Client;
let managerB: Client;
let quality: Client;
let jpeg: Buffer;
let png: string;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  tech = await w.as(refs.techA.user);
  otherTech = await w.as(refs.techB.user);
  agent = await w.as(await w.user('agent'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  quality = await w.as(await w.user('quality'));
  jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#4a8' } })
    .jpeg()
    .toBuffer();
  const sig = await sharp({ create: { width: 300, height: 120, channels: 4, background: '#fff' } })
    .png()
    .toBuffer();
  png = `data:image/png;base64,${sig.toString('base64')}`;
});
afterAll(async () => w?.close());

/** An order of technician A, scheduled for today, at coordinates HOME. */
async function scheduledJob(extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const res = await agent.send('POST', '/api/v1/work-orders', { ...createBody(refs), ...extra });
  const o = res.body.order as { id: string; number: string };
  await forceState(w, o.id, {
    status: 'scheduled',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
    appointment_start: '2026-11-23T06:00:00.000Z',
    appointment_end: '2026-11-23T08:00:00.000Z',
    lat: HOME.lat,
    lng: HOME.lng,
    address: '广州市天河区天河路 1 号',
  });
  return o;
}

const key = () => `k-${newId()}`;
const handedOff = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};
const post = (who: Client, url: string, body: unknown = {}, k: string | null = key()) =>
  who.send('POST', url, body, k ? { 'idempotency-key': k } : {});
const job = (id: string) => `/api/v1/field/jobs/${id}`;
const status = async (id: string) =>
  (await w.db.db.selectFrom('work_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
const countRows = async (table: 'field_photos' | 'events' | 'field_visits', where: [string, string]) =>
  Number(
    (
      await w.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where[0] as never, '=', where[1] as never)
        .executeTakeFirstOrThrow()
    ).n,
  );

function multipart(fields: Record<string, string>, file: Buffer, type = 'image/jpeg') {
  const b = `----anxin${newId()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
}
const upload = (id: string, fields: Record<string, string>, file: Buffer, k = key()) => {
  const m = multipart(fields, file);
  return tech.send('POST', `${job(id)}/photos`, m.body, { 'content-type': m.type, 'idempotency-key': k });
};

/** The code in the last SMS queued for the order's contact phone. */
async function lastCode(): Promise<string> {
  const row = await w.db.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'notify.sms')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return /确认码 (\d{6})/.exec((JSON.parse(row.payload) as { text: string }).text)![1]!;
}

async function toInProgress(id: string) {
  expect((await post(tech, `${job(id)}/depart`)).status).toBe(200);
  expect((await post(tech, `${job(id)}/arrive`, { lat: HOME.lat + 0.0005, lng: HOME.lng })).status).toBe(200);
  expect((await post(tech, `${job(id)}/start`)).status).toBe(200);
}

describe('technician field flow', () => {
  it('a job carries the fault and symptoms the agent chose, so the diagnosis starts from them', async () => {
    const o = await scheduledJob({ faultCodeId: refs.faultId, symptomCodes: [refs.symptomId] });
    const detail = await tech.get(job(o.id));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ faultCodeId: refs.faultId, symptomCodes: [refs.symptomId] });
  });

  it('runs depart → arrive (far) → diagnosis → work → photo → signature → code → 待回访', async () => {
    const o = await scheduledJob();

    const list = await tech.get('/api/v1/field/jobs');
    expect(list.status).toBe(200);
    const card = list.body.items.find((j: { id: string }) => j.id === o.id);
    expect(card).toMatchObject({ bucket: 'today', contactPhone: '13812345678', lat: HOME.lat });
    expect(card.product).toMatchObject({ serial: 'SN-0001', warrantyStatus: expect.any(String) });

    // Wrong state: completing before arrival is a 409 and changes nothing.
    const early = await post(tech, `${job(o.id)}/complete`, { method: 'signature' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('state.invalid_transition');

    const dep = await post(tech, `${job(o.id)}/depart`);
    expect(dep.status).toBe(200);
    expect(dep.body.status).toBe('departed');
    expect(dep.body.visit.departedAt).toBe(new Date(NOW).toISOString());

    // 7.8 km away: recorded and flagged.
    const arr = await post(tech, `${job(o.id)}/arrive`, {
      lat: HOME.lat + 0.07,
      lng: HOME.lng,
      accuracy: 20,
    });
    expect(arr.status).toBe(200);
    expect(arr.body.status).toBe('arrived');
    expect(arr.body.visit.arrival.distanceM).toBeGreaterThan(7000);
    expect(arr.body.flags.map((f: { flag: string }) => f.flag)).toEqual(['far_check_in']);

    expect((await post(tech, `${job(o.id)}/start`)).body.status).toBe('in_progress');

    const badDiag = await post(tech, `${job(o.id)}/diagnosis`, {
      faultCodeId: refs.symptomId,
      findings: 'x',
    });
    expect(badDiag.status).toBe(400);
    expect(badDiag.body.errors[0]).toMatchObject({ path: 'faultCodeId', rule: 'not_found' });
    const diag = await post(tech, `${job(o.id)}/diagnosis`, {
      faultCodeId: refs.faultId,
      symptomCodes: [refs.symptomId],
      findings: '排水泵堵塞',
    });
    expect(diag.status).toBe(200);
    expect(diag.body.visit.diagnosis).toMatchObject({ faultCodeId: refs.faultId, findings: '排水泵堵塞' });

    const badWork = await post(tech, `${job(o.id)}/work`, {
      workDone: '清理',
      parts: [{ name: '泵', quantity: 0 }],
    });
    expect(badWork.status).toBe(400);
    expect(badWork.body.errors[0].path).toBe('parts.0.quantity');
    const work = await post(tech, `${job(o.id)}/work`, {
      workDone: '清理排水泵，更换密封圈',
      parts: [{ name: '密封圈', quantity: 2, note: '原厂' }],
    });
    expect(work.body.visit.work.parts).toEqual([{ name: '密封圈', quantity: 2, note: '原厂' }]);

    const photo = await upload(o.id, { kind: 'before', lat: String(HOME.lat), lng: String(HOME.lng) }, jpeg);
    expect(photo.status).toBe(201);
    expect(photo.body.stamp).toMatchObject({ number: o.number, lat: HOME.lat, burnedIn: true });
    expect(photo.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const img = await tech.get(photo.body.url);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    // The stored file is the stamped one: not the upload, and its hash is the recorded one.
    expect(img.raw.equals(jpeg)).toBe(false);

    const sig = await post(tech, `${job(o.id)}/signature`, { png });
    expect(sig.status).toBe(201);
    expect(sig.body.kind).toBe('signature');

    const sent = await post(tech, `${job(o.id)}/completion-code`);
    expect(sent.status).toBe(200);
    expect(sent.body.sentTo).not.toContain('12345678');
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await post(tech, `${job(o.id)}/complete`, { method: 'code', code: wrong });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      code: 'fieldwork.code_invalid',
      params: { reason: 'wrong', attemptsLeft: 4 },
      reason: 'wrong',
      attemptsLeft: 4,
    });
    expect(await status(o.id)).toBe('in_progress');

    const done = await post(tech, `${job(o.id)}/complete`, { method: 'code', code });
    expect(done.status).toBe(200);
    expect(done.body.visit.completionMethod).toBe('code');
    // The completion queued the hand-off to 待回访 in its transaction; the outbox delivers it.
    await handedOff();
    expect(await status(o.id)).toBe('awaiting_callback');

    // The order's proof for the outlet, the center and callback staff; not for another outlet.
    const proof = await quality.get(`/api/v1/orders/${o.id}/proof`);
    expect(proof.status).toBe(200);
    expect(proof.body.flags.map((f: { flag: string }) => f.flag)).toEqual(['far_check_in']);
    expect(proof.body.photos).toHaveLength(1);
    expect(proof.body.signature.kind).toBe('signature');
    expect((await managerA.get(`/api/v1/orders/${o.id}/proof`)).status).toBe(200);
    expect((await managerB.get(`/api/v1/orders/${o.id}/proof`)).status).toBe(404);

    // Hash verification: untouched → ok; edited on disk → mismatch and a flag.
    const pid = proof.body.photos[0].id as string;
    const ok = await quality.send('POST', `/api/v1/orders/${o.id}/proof/photos/${pid}/verify`);
    expect(ok.body).toMatchObject({ ok: true });
    const file = path.join(w.dataDir, 'files', 'fieldwork', o.id, pid);
    fs.appendFileSync(file, Buffer.from('edited'));
    const tampered = await quality.send('POST', `/api/v1/orders/${o.id}/proof/photos/${pid}/verify`);
    expect(tampered.body).toMatchObject({ ok: false, storedSha256: photo.body.sha256 });
    const after = await managerA.get(`/api/v1/orders/${o.id}/proof`);
    expect(after.body.flags.map((f: { flag: string }) => f.flag)).toContain('photo_hash_mismatch');
  });

  it('completes by signature when the customer has no phone at hand (flag signature_only)', async () => {
    const o = await scheduledJob();
    expect((await post(tech, `${job(o.id)}/depart`)).status).toBe(200);
    const arr = await post(tech, `${job(o.id)}/arrive`, {});
    expect(arr.body.flags.map((f: { flag: string }) => f.flag)).toEqual(['no_location']);
    expect((await post(tech, `${job(o.id)}/start`)).status).toBe(200);
    const unsigned = await post(tech, `${job(o.id)}/complete`, { method: 'signature' });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.errors[0]).toMatchObject({ path: 'method', rule: 'fieldwork.signature_required' });
    expect((await post(tech, `${job(o.id)}/signature`, { png })).status).toBe(201);
    const done = await post(tech, `${job(o.id)}/complete`, { method: 'signature' });
    expect(done.status).toBe(200);
    await handedOff();
    expect(await status(o.id)).toBe('awaiting_callback');
    const flags = (await managerA.get(`/api/v1/orders/${o.id}/proof`)).body.flags.map(
      (f: { flag: string }) => f.flag,
    );
    expect(flags).toEqual(['no_location', 'signature_only']);
  });

  it('refuses an expired code and a code after too many attempts', async () => {
    const o = await scheduledJob();
    await toInProgress(o.id);
    const none = await post(tech, `${job(o.id)}/complete`, { method: 'code', code: '123456' });
    expect(none.body).toMatchObject({ code: 'fieldwork.code_invalid', reason: 'none' });

    expect((await post(tech, `${job(o.id)}/completion-code`)).status).toBe(200);
    const again = await post(tech, `${job(o.id)}/completion-code`);
    expect(again.status).toBe(429);
    let code = await lastCode();
    w.clock.advance(601_000);
    const expired = await post(tech, `${job(o.id)}/complete`, { method: 'code', code });
    expect(expired.status).toBe(422);
    expect(expired.body.reason).toBe('expired');

    expect((await post(tech, `${job(o.id)}/completion-code`)).status).toBe(200);
    code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await post(tech, `${job(o.id)}/complete`, { method: 'code', code: wrong });
      expect(r.body.reason).toBe('wrong');
      expect(r.body.attemptsLeft).toBe(4 - i);
    }
    const spent = await post(tech, `${job(o.id)}/complete`, { method: 'code', code });
    expect(spent.status).toBe(422);
    expect(spent.body.reason).toBe('attempts_exhausted');
    expect(await status(o.id)).toBe('in_progress');
  });

  it("hides another technician's job (404) and nothing changes", async () => {
    const o = await scheduledJob();
    expect((await otherTech.get(job(o.id))).status).toBe(404);
    expect((await post(otherTech, `${job(o.id)}/depart`)).status).toBe(404);
    const list = await otherTech.get('/api/v1/field/jobs');
    expect(list.body.items.some((j: { id: string }) => j.id === o.id)).toBe(false);
    expect(await status(o.id)).toBe('scheduled');
  });

  it('needs parts → 待件; needs escalation → outbox for the escalation module', async () => {
    const a = await scheduledJob();
    await toInProgress(a.id);
    const parts = await post(tech, `${job(a.id)}/result`, { outcome: 'needs_parts', note: '主板待件' });
    expect(parts.status).toBe(200);
    expect(parts.body.status).toBe('awaiting_parts');
    expect(parts.body.visit.result).toMatchObject({ outcome: 'needs_parts', note: '主板待件' });

    const b = await scheduledJob();
    await toInProgress(b.id);
    const noReason = await post(tech, `${job(b.id)}/result`, { outcome: 'needs_escalation' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('note');
    const esc = await post(tech, `${job(b.id)}/result`, { outcome: 'needs_escalation', note: '疑难故障' });
    expect(esc.status).toBe(200);
    const msg = await w.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'fieldwork.escalation_requested')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(msg.payload)).toEqual({
      orderId: b.id,
      reason: '疑难故障',
      technicianId: refs.techA.id,
    });
    expect(await status(b.id)).toBe('in_progress');
  });
});

describe('idempotency', () => {
  it('requires a key, replays a retry without doing it again, refuses a reused key', async () => {
    const o = await scheduledJob();
    const missing = await post(tech, `${job(o.id)}/depart`, {}, null);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ path: 'headers.idempotency-key', rule: 'required' });
    expect(await status(o.id)).toBe('scheduled');

    const k = key();
    const first = await post(tech, `${job(o.id)}/depart`, {}, k);
    const retry = await post(tech, `${job(o.id)}/depart`, {}, k);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await countRows('field_visits', ['order_id', o.id])).toBe(1);

    const ka = key();
    const arrive = await post(tech, `${job(o.id)}/arrive`, { lat: HOME.lat, lng: HOME.lng }, ka);
    expect(arrive.status).toBe(200);
    const reused = await post(tech, `${job(o.id)}/arrive`, { lat: HOME.lat + 1, lng: HOME.lng }, ka);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    expect(arrive.body.flags).toEqual([]);
    expect((await post(tech, `${job(o.id)}/start`)).status).toBe(200);

    // A photo sent twice with one key is stored once, with one event.
    const kp = key();
    const p1 = await upload(o.id, { kind: 'after' }, jpeg, kp);
    const p2 = await upload(o.id, { kind: 'after' }, jpeg, kp);
    expect(p1.status).toBe(201);
    expect(p2.status).toBe(201);
    expect(p2.body.id).toBe(p1.body.id);
    expect(await countRows('field_photos', ['order_id', o.id])).toBe(1);
    const photoEvents = await w.db.db
      .selectFrom('events')
      .select('id')
      .where('stream_id', '=', o.id)
      .where('type', '=', 'fieldwork.photo_added')
      .execute();
    expect(photoEvents).toHaveLength(1);

    // A failed request keeps nothing: the same key may be retried once the cause is fixed.
    const kf = key();
    const wrongType = await upload(o.id, { kind: 'sideways' }, jpeg, kf);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0]).toMatchObject({ path: 'kind', rule: 'invalid_value' });
    const notImage = await upload(
      o.id,
      { kind: 'other' },
      Buffer.from('not an image at all, just text'),
      key(),
    );
    expect(notImage.status).toBe(415);
  });
});
