import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, login, ManualClock } from '../../../test/app.ts';
import type { TestApp as AppUnderTest } from '../../../test/app.ts';
import { seedCatalog, type Client, type Reply } from '../../../test/factories/customers.ts';

let t: AppUnderTest;
let admin: Client;
let managerA: Client;
let managerB: Client;
let outletA: any;
let outletB: any;
let techA: any;
let techB: any;
let acModel: string;
let wmModel: string;

async function as(username: string): Promise<Client> {
  const s = await login(t.app, username);
  const wrap = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Reply => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : null,
    contentType: String(r.headers['content-type'] ?? ''),
  });
  return {
    get: async (url) => wrap(await s.req({ method: 'GET', url })),
    send: async (method, url, payload) =>
      wrap(await s.req({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) })),
  };
}

const outletInput = (over: Record<string, unknown> = {}) => ({
  code: 'GZ01',
  name: '广州天河服务中心',
  type: 'self_built',
  provinceCode: '44',
  cityCode: '4401',
  districtCode: '440106',
  address: '天河路 1 号',
  dailyCapacity: 30,
  serviceAreas: ['4401'],
  categories: ['AC'],
  ...over,
});
const weekShifts = [1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  startMinute: 510,
  endMinute: 1050,
  breakStartMinute: 720,
  breakEndMinute: 780,
}));
const count = async (table: 'outlets' | 'technicians' | 'technician_leave' | 'outlet_prospects') =>
  Number(
    (
      await t.t.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const eventsOf = async (streamId: string) =>
  (
    await t.t.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', streamId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((e) => ({ type: e.type, from: e.from_state, to: e.to_state, reason: e.reason }));

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-06-15T04:00:00Z') });
  await createUser(t.t, { username: 'admin', roles: ['admin'] });
  admin = await as('admin');
  acModel = (await seedCatalog(admin, 'AC')).modelId;
  wmModel = (await seedCatalog(admin, 'WM')).modelId;
  const a = await admin.send('POST', '/api/v1/outlets', outletInput());
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  outletA = a.body;
  const b = await admin.send(
    'POST',
    '/api/v1/outlets',
    outletInput({
      code: 'HZ01',
      name: '杭州西湖维修部',
      type: 'entrusted',
      provinceCode: '33',
      cityCode: '3301',
      districtCode: '330106',
      serviceAreas: ['330106'],
      categories: ['AC', 'WM'],
    }),
  );
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  outletB = b.body;
  await createUser(t.t, { username: 'managerA', roles: ['outlet_manager'], outletId: outletA.id });
  await createUser(t.t, { username: 'managerB', roles: ['outlet_manager'], outletId: outletB.id });
  managerA = await as('managerA');
  managerB = await as('managerB');
  const ta = await managerA.send('POST', '/api/v1/technicians', {
    outletId: outletA.id,
    name: '张伟',
    skills: [{ categoryCode: 'AC', level: 3 }],
    shifts: weekShifts,
    certifications: [
      { name: '制冷证', issuedOn: '2024-01-01', expiresOn: '2026-06-01' },
      { name: '电工证', issuedOn: '2024-01-01', expiresOn: '2026-07-01', categoryCode: 'AC' },
    ],
  });
  expect(ta.status, JSON.stringify(ta.body)).toBe(201);
  techA = ta.body;
  const tb = await managerB.send('POST', '/api/v1/technicians', {
    outletId: outletB.id,
    name: '李强',
    skills: [{ categoryCode: 'WM', level: 2 }],
    shifts: weekShifts,
  });
  expect(tb.status, JSON.stringify(tb.body)).toBe(201);
  techB = tb.body;
}, 60_000);
afterAll(async () => t?.close());

describe('outlets', () => {
  it('stores areas, categories and region names; records the creation event', async () => {
    expect(outletA).toMatchObject({
      code: 'GZ01',
      kind: 'outlet',
      status: 'active',
      grade: 'B',
      regionName: '广东省 广州市 天河区',
      serviceAreas: [{ code: '4401', name: '广东省 广州市' }],
      categories: ['AC'],
      version: 1,
    });
    expect((await eventsOf(outletA.id)).map((e) => e.type)).toEqual(['outlet.created']);
  });

  it('refuses bad input with the field and rule, and changes nothing', async () => {
    const before = await count('outlets');
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ code: 'X1', serviceAreas: ['449999'] }, 400, 'serviceAreas.0', 'unknown_region'],
      [{ code: 'X2', districtCode: '330106' }, 400, 'districtCode', 'unknown_region'],
      [{ code: 'X3', categories: ['AC', 'NOPE'] }, 400, 'categories.1', 'unknown_category'],
      [{ code: 'X4', parentId: outletB.id }, 422, 'parentId', 'outlet.parent_not_dealer'],
      [{ code: 'GZ01' }, 409, 'code', 'unique'],
    ];
    for (const [over, status, path, rule] of cases) {
      const res = await admin.send('POST', '/api/v1/outlets', outletInput(over));
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.errors).toEqual([expect.objectContaining({ path, rule })]);
    }
    const schema = await admin.send(
      'POST',
      '/api/v1/outlets',
      outletInput({ code: 'X5', serviceAreas: ['4'] }),
    );
    expect(schema.status).toBe(400);
    expect(schema.body.errors[0].path).toBe('serviceAreas.0');
    expect(await count('outlets')).toBe(before);
  });

  it('updates with the version seen; a stale version is a 409 and changes nothing', async () => {
    const ok = await admin.send('PATCH', `/api/v1/outlets/${outletA.id}`, {
      version: 1,
      dailyCapacity: 40,
      serviceAreas: ['440106', '440111'],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, dailyCapacity: 40 });
    expect(ok.body.serviceAreas.map((a: { code: string }) => a.code)).toEqual(['440106', '440111']);
    const stale = await admin.send('PATCH', `/api/v1/outlets/${outletA.id}`, {
      version: 1,
      dailyCapacity: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    expect((await admin.get(`/api/v1/outlets/${outletA.id}`)).body.dailyCapacity).toBe(40);
    outletA = ok.body;
  });

  it('suspends and reactivates with a reason, each an event', async () => {
    const s = await admin.send('POST', `/api/v1/outlets/${outletB.id}/suspend`, {
      version: outletB.version,
      reason: '投诉过多',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.status).toBe('suspended');
    const again = await admin.send('POST', `/api/v1/outlets/${outletB.id}/suspend`, {
      version: s.body.version,
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('state.invalid_transition');
    const noReason = await admin.send('POST', `/api/v1/outlets/${outletB.id}/reactivate`, {
      version: s.body.version,
    });
    expect(noReason.status).toBe(400);
    const r = await admin.send('POST', `/api/v1/outlets/${outletB.id}/reactivate`, {
      version: s.body.version,
      reason: '整改完成',
    });
    expect(r.body.status).toBe('active');
    outletB = r.body;
    expect((await eventsOf(outletB.id)).slice(1)).toEqual([
      { type: 'outlet.suspended', from: 'active', to: 'suspended', reason: '投诉过多' },
      { type: 'outlet.reactivated', from: 'suspended', to: 'active', reason: '整改完成' },
    ]);
  });

  it('filters the list by region, category, type and keyword', async () => {
    const codes = async (qs: string) =>
      (await admin.get(`/api/v1/outlets?${qs}`)).body.items.map((o: { code: string }) => o.code);
    expect(await codes('')).toEqual(['GZ01', 'HZ01']);
    expect(await codes('region=33')).toEqual(['HZ01']);
    expect(await codes('region=440111')).toEqual(['GZ01']);
    expect(await codes('category=WM')).toEqual(['HZ01']);
    expect(await codes('type=self_built')).toEqual(['GZ01']);
    expect(await codes('q=西湖')).toEqual(['HZ01']);
    expect(await codes('status=suspended')).toEqual([]);
    const p1 = await admin.get('/api/v1/outlets?limit=1');
    expect(p1.body.nextCursor).toBe('GZ01');
    expect((await admin.get(`/api/v1/outlets?limit=1&cursor=${p1.body.nextCursor}`)).body.items[0].code).toBe(
      'HZ01',
    );
  });

  it('keeps calendar overrides per outlet', async () => {
    const put = await admin.send('PUT', `/api/v1/outlets/${outletA.id}/calendar/2026-06-19`, {
      open: true,
      note: '端午值班',
    });
    expect(put.status).toBe(200);
    expect((await admin.get(`/api/v1/outlets/${outletA.id}/calendar`)).body.items).toEqual([
      { date: '2026-06-19', open: true, note: '端午值班' },
    ]);
  });
});

describe('data scope: an outlet manager sees and manages only their own outlet', () => {
  it('cannot read outlet A from outlet B (404) nor change it (no permission)', async () => {
    expect((await managerB.get(`/api/v1/outlets/${outletA.id}`)).status).toBe(404);
    expect((await managerB.get(`/api/v1/outlets/${outletB.id}`)).status).toBe(200);
    expect((await managerB.get('/api/v1/outlets')).body.items.map((o: { code: string }) => o.code)).toEqual([
      'HZ01',
    ]);
    const patch = await managerB.send('PATCH', `/api/v1/outlets/${outletA.id}`, { version: 2, name: 'x' });
    expect(patch.status).toBe(403);
  });

  it("cannot read or change outlet A's technicians, nor hire into outlet A (404)", async () => {
    expect((await managerB.get(`/api/v1/technicians/${techA.id}`)).status).toBe(404);
    const patch = await managerB.send('PATCH', `/api/v1/technicians/${techA.id}`, {
      version: techA.version,
      name: 'x',
    });
    expect(patch.status).toBe(404);
    const leave = await managerB.send('POST', `/api/v1/technicians/${techA.id}/leave`, {
      startAt: '2026-06-20T00:00:00Z',
      endAt: '2026-06-21T00:00:00Z',
    });
    expect(leave.status).toBe(404);
    const hire = await managerB.send('POST', '/api/v1/technicians', { outletId: outletA.id, name: '王五' });
    expect(hire.status).toBe(404);
    const move = await managerB.send('PATCH', `/api/v1/technicians/${techB.id}`, {
      version: techB.version,
      outletId: outletA.id,
    });
    expect(move.status).toBe(404);
    expect(
      (await managerB.get('/api/v1/technicians')).body.items.map((x: { name: string }) => x.name),
    ).toEqual(['李强']);
    expect((await admin.get(`/api/v1/technicians/${techA.id}`)).body.name).toBe('张伟');
  });

  it('cannot manage HQ staff (scope all only)', async () => {
    const res = await managerA.send('POST', '/api/v1/technicians', {
      name: '赵工',
      tier: 3,
      provinceCode: '44',
    });
    expect(res.status).toBe(403);
  });
});

describe('technicians', () => {
  it('flags expired and expiring certifications, with the window a setting', async () => {
    expect(techA.certifications.map((c: { status: string }) => c.status)).toEqual(['expired', 'expiring']);
    expect(techA.certificationAlert).toBe('expired');
    const s = await admin.send('PUT', '/api/v1/settings/network.certifications', {
      value: { expiringSoonDays: 7 },
      version: 0,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const got = await admin.get(`/api/v1/technicians/${techA.id}`);
    expect(got.body.certifications.map((c: { status: string }) => c.status)).toEqual(['expired', 'valid']);
    await admin.send('PUT', '/api/v1/settings/network.certifications', {
      value: { expiringSoonDays: 30 },
      version: 1,
    });
  });

  it('refuses unknown skill categories, duplicate weekdays, bad shifts and misplaced tiers', async () => {
    const before = await count('technicians');
    const base = { outletId: outletA.id, name: '测试' };
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ skills: [{ categoryCode: 'NOPE', level: 2 }] }, 400, 'skills.0.categoryCode', 'unknown_category'],
      [{ shifts: [weekShifts[0], weekShifts[0]] }, 400, 'shifts.1.weekday', 'unique'],
      [{ tier: 4 }, 422, 'outletId', 'technician.hq_has_no_outlet'],
    ];
    for (const [over, status, path, rule] of cases) {
      const res = await admin.send('POST', '/api/v1/technicians', { ...base, ...over });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.errors).toEqual([expect.objectContaining({ path, rule })]);
    }
    const level = await admin.send('POST', '/api/v1/technicians', {
      ...base,
      skills: [{ categoryCode: 'AC', level: 6 }],
    });
    expect(level.status).toBe(400);
    expect(level.body.errors[0].path).toBe('skills.0.level');
    const shift = await admin.send('POST', '/api/v1/technicians', {
      ...base,
      shifts: [{ weekday: 1, startMinute: 600, endMinute: 500 }],
    });
    expect(shift.status).toBe(400);
    expect(shift.body.errors[0].path).toBe('shifts.0.endMinute');
    expect(await count('technicians')).toBe(before);
  });

  it('manages HQ field engineers and experts as admin', async () => {
    const eng = await admin.send('POST', '/api/v1/technicians', {
      name: '周工',
      tier: 3,
      provinceCode: '44',
    });
    expect(eng.status, JSON.stringify(eng.body)).toBe(201);
    const noProvince = await admin.send('POST', '/api/v1/technicians', { name: '吴工', tier: 3 });
    expect(noProvince.status).toBe(422);
    expect(noProvince.body.errors[0]).toMatchObject({
      path: 'provinceCode',
      rule: 'technician.tier_needs_province',
    });
    expect(noProvince.body).toMatchObject({ code: 'technician.tier_needs_province', params: { tier: 3 } });
    const hq = await admin.get('/api/v1/technicians?staff=hq');
    expect(hq.body.items.map((x: { name: string }) => x.name)).toEqual(['周工']);
    const stale = await admin.send('PATCH', `/api/v1/technicians/${eng.body.id}`, { version: 9, name: 'x' });
    expect(stale.status).toBe(409);
  });

  it('records leave; overlapping leave and end before start are refused, nothing changed', async () => {
    const url = `/api/v1/technicians/${techA.id}/leave`;
    const ok = await managerA.send('POST', url, {
      startAt: '2026-06-16T02:00:00Z',
      endAt: '2026-06-16T06:00:00Z',
      kind: 'sick',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const before = await count('technician_leave');
    const overlap = await managerA.send('POST', url, {
      startAt: '2026-06-16T05:00:00Z',
      endAt: '2026-06-16T08:00:00Z',
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors[0]).toMatchObject({ path: 'startAt', rule: 'technician.leave_overlaps' });
    expect(overlap.body.params).toEqual({ count: 1 });
    const backwards = await managerA.send('POST', url, {
      startAt: '2026-06-18T05:00:00Z',
      endAt: '2026-06-18T04:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('endAt');
    expect(await count('technician_leave')).toBe(before);
    const touching = await managerA.send('POST', url, {
      startAt: '2026-06-16T06:00:00Z',
      endAt: '2026-06-16T07:00:00Z',
    });
    expect(touching.status).toBe(201);
    const listed = await managerA.get(`${url}?from=2026-06-16T00:00:00Z&to=2026-06-17T00:00:00Z`);
    expect(listed.body.items.map((l: { kind: string }) => l.kind)).toEqual(['sick', 'leave']);
    const del = await managerA.send('DELETE', `${url}/${touching.body.id}`);
    expect(del.status).toBe(204);
  });

  it('computes availability from shift, leave, rota and the outlet calendar', async () => {
    await managerA.send('PUT', `/api/v1/technicians/${techA.id}/rota/2026-06-17`, { kind: 'off' });
    const res = await managerA.get(
      `/api/v1/technicians/${techA.id}/availability?from=2026-06-16T00:00:00Z&to=2026-06-20T00:00:00Z`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toEqual([
      { start: '2026-06-16T00:30:00.000Z', end: '2026-06-16T02:00:00.000Z' },
      { start: '2026-06-16T06:00:00.000Z', end: '2026-06-16T09:30:00.000Z' },
      // 06-17 off by rota; 06-18 a normal Thursday; 06-19 端午 but outlet A is open (override)
      { start: '2026-06-18T00:30:00.000Z', end: '2026-06-18T04:00:00.000Z' },
      { start: '2026-06-18T05:00:00.000Z', end: '2026-06-18T09:30:00.000Z' },
      { start: '2026-06-19T00:30:00.000Z', end: '2026-06-19T04:00:00.000Z' },
      { start: '2026-06-19T05:00:00.000Z', end: '2026-06-19T09:30:00.000Z' },
    ]);
    const map = await t.modules.network.availability(
      [techA.id, techB.id, 'nobody'],
      '2026-06-19T00:00:00Z',
      '2026-06-20T00:00:00Z',
    );
    expect(map.get(techB.id)).toEqual([]); // outlet B keeps the holiday
    expect(map.get('nobody')).toEqual([]);
    expect(map.get(techA.id)).toHaveLength(2);
  });
});

describe('pipeline', () => {
  it('moves forward one stage at a time, back only with a reason; each move is an event', async () => {
    const bad = await admin.send('POST', '/api/v1/network/prospects', { regionCode: '319999', name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'regionCode', rule: 'unknown_region' });
    const p = await admin.send('POST', '/api/v1/network/prospects', {
      regionCode: '3101',
      name: '上海浦江家电',
      contactName: '陈经理',
      categories: ['AC'],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ stage: 'prospect', regionName: '上海市' });
    const move = (version: number, stage: string, reason?: string) =>
      admin.send('POST', `/api/v1/network/prospects/${p.body.id}/stage`, { version, stage, reason });
    const skip = await move(1, 'signed');
    expect(skip.status).toBe(422);
    expect(skip.body.errors[0].rule).toBe('prospect.one_step_forward');
    expect(skip.body.params).toEqual({ from: 'prospect', next: 'negotiating' });
    const n = await move(1, 'negotiating');
    expect(n.status).toBe(200);
    const back = await move(2, 'prospect');
    expect(back.status).toBe(422);
    expect(back.body.errors[0]).toMatchObject({ path: 'reason', rule: 'prospect.back_needs_reason' });
    expect((await move(1, 'signed')).status).toBe(409);
    const b = await move(2, 'prospect', '报价未谈拢');
    expect(b.status).toBe(200);
    expect((await managerA.get('/api/v1/network/prospects')).status).toBe(403);
    const events = await eventsOf(p.body.id);
    expect(events).toEqual([
      { type: 'prospect.created', from: null, to: 'prospect', reason: null },
      { type: 'prospect.stage_changed', from: 'prospect', to: 'negotiating', reason: null },
      { type: 'prospect.stage_changed', from: 'negotiating', to: 'prospect', reason: '报价未谈拢' },
    ]);
  });
});

describe('coverage', () => {
  it('computes region coverage, self-built share and the uncovered list with the pipeline', async () => {
    const customer = async (name: string, phone: string, district: string, models: string[]) => {
      const c = await admin.send('POST', '/api/v1/customers', {
        name,
        phones: [{ phone }],
        addresses: [
          {
            provinceCode: district.slice(0, 2),
            cityCode: district.slice(0, 4),
            districtCode: district,
            detail: '1 号',
            isDefault: true,
          },
        ],
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      for (const [i, modelId] of models.entries()) {
        const r = await admin.send('POST', `/api/v1/customers/${c.body.customer.id}/products`, {
          modelId,
          serial: `SN-${phone}-${i}`,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
    };
    await customer('甲', '13800000001', '440106', [acModel, acModel]);
    await customer('乙', '13800000002', '440111', [acModel]);
    await customer('丙', '13800000003', '330106', [acModel, wmModel]);
    await customer('丁', '13800000004', '310101', [acModel]);
    // Pairs: (440106,AC) (440111,AC) by A; (330106,AC) (330106,WM) by B; (310101,AC) uncovered.
    const r = await admin.get('/api/v1/network/coverage');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.targets).toEqual({ regionCoverage: 0.7, selfBuiltShare: 0.3, version: 0 });
    expect(r.body.regionCoverage).toEqual({
      covered: 4,
      total: 5,
      ratio: 0.8,
      byCategory: [
        { categoryCode: 'AC', covered: 3, total: 4, ratio: 0.75 },
        { categoryCode: 'WM', covered: 1, total: 1, ratio: 1 },
      ],
    });
    expect(r.body.selfBuilt).toEqual({ selfBuilt: 1, active: 2, ratio: 0.5 });
    expect(r.body.uncovered).toEqual([
      {
        districtCode: '310101',
        regionName: '上海市 黄浦区',
        categoryCode: 'AC',
        installedProducts: 1,
        prospects: [expect.objectContaining({ name: '上海浦江家电', stage: 'prospect', regionCode: '3101' })],
      },
    ]);

    // A suspended outlet covers nothing and is not counted among active outlets.
    const s = await admin.send('POST', `/api/v1/outlets/${outletB.id}/suspend`, {
      version: outletB.version,
      reason: '停业整顿',
    });
    expect(s.status).toBe(200);
    const after = (await admin.get('/api/v1/network/coverage')).body;
    expect(after.regionCoverage).toMatchObject({ covered: 2, total: 5, ratio: 0.4 });
    expect(after.selfBuilt).toEqual({ selfBuilt: 1, active: 1, ratio: 1 });
    expect(
      after.uncovered.map((u: any) => `${u.districtCode}|${u.categoryCode}|${u.installedProducts}`),
    ).toEqual(['310101|AC|1', '330106|AC|1', '330106|WM|1']);
    expect((await managerA.get('/api/v1/network/coverage')).status).toBe(403);
  });

  it('keeps targets in an audited setting editable with outlet:manage', async () => {
    const bad = await admin.send('PUT', '/api/v1/settings/network.coverage_targets', {
      value: { regionCoverage: 1.5, selfBuiltShare: 0.3 },
      version: 0,
    });
    expect(bad.status).toBe(400);
    const ok = await admin.send('PUT', '/api/v1/settings/network.coverage_targets', {
      value: { regionCoverage: 0.8, selfBuiltShare: 0.35 },
      version: 0,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const stale = await admin.send('PUT', '/api/v1/settings/network.coverage_targets', {
      value: { regionCoverage: 0.9, selfBuiltShare: 0.35 },
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect((await admin.get('/api/v1/network/coverage')).body.targets).toEqual({
      regionCoverage: 0.8,
      selfBuiltShare: 0.35,
      version: 1,
    });
    expect((await eventsOf('network.coverage_targets')).map((e) => e.type)).toEqual(['setting.changed']);
    const denied = await managerA.send('PUT', '/api/v1/settings/network.coverage_targets', {
      value: { regionCoverage: 0.1, selfBuiltShare: 0.1 },
      version: 1,
    });
    expect(denied.status).toBe(403);
  });
});
