import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type Client, type World } from '../../../test/factories/world.ts';
import { newId } from '../../platform/ids/index.ts';
import { IMPORT_COLUMNS } from './domain/records.ts';

let w: World;
let manager: Client;
let agent1: Client;
let agent2Id: string;
let tech: Client;

beforeAll(async () => {
  w = await startWorld('2026-06-20T04:00:00.000Z');
  manager = await w.as(await w.user('manager'));
  agent1 = await w.as(await w.user('agent'));
  agent2Id = (await w.user('agent')).id;
  tech = await w.as(await w.user('technician'));
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

const call = (over: Record<string, unknown>): Record<string, unknown> => ({
  source: 'PBX',
  direction: 'inbound',
  callerNumber: '13800138000',
  queue: '售后热线',
  agentUserId: null,
  answeredAt: null,
  talkSeconds: 0,
  holdSeconds: 0,
  acwSeconds: 0,
  resolvedFirstContact: null,
  ...over,
});

/** Five inbound calls over two Shanghai days and one outbound call; figures below are by hand. */
function handful() {
  return [
    call({
      externalId: 'A1',
      agentUserId: agent1.userId,
      offeredAt: '2026-06-15T01:00:00Z',
      answeredAt: '2026-06-15T01:00:10Z',
      endedAt: '2026-06-15T01:04:00Z',
      waitSeconds: 10,
      talkSeconds: 200,
      holdSeconds: 20,
      acwSeconds: 30,
      outcome: 'answered',
      resolvedFirstContact: true,
    }),
    call({
      externalId: 'A2',
      agentUserId: agent1.userId,
      offeredAt: '2026-06-15T01:10:00Z',
      answeredAt: '2026-06-15T01:10:30Z',
      endedAt: '2026-06-15T01:12:10Z',
      waitSeconds: 30,
      talkSeconds: 100,
      acwSeconds: 20,
      outcome: 'answered',
      resolvedFirstContact: false,
    }),
    call({
      externalId: 'A3',
      agentUserId: agent2Id,
      offeredAt: '2026-06-15T01:40:00Z',
      answeredAt: '2026-06-15T01:40:20Z',
      endedAt: '2026-06-15T01:45:20Z',
      waitSeconds: 20,
      talkSeconds: 300,
      outcome: 'answered',
    }),
    call({
      externalId: 'B1',
      offeredAt: '2026-06-15T01:20:00Z',
      endedAt: '2026-06-15T01:20:15Z',
      waitSeconds: 15,
      outcome: 'abandoned',
    }),
    call({
      externalId: 'B2',
      offeredAt: '2026-06-16T02:00:00Z',
      endedAt: '2026-06-16T02:00:50Z',
      waitSeconds: 50,
      outcome: 'abandoned',
    }),
    call({
      externalId: 'O1',
      direction: 'outbound',
      agentUserId: agent1.userId,
      offeredAt: '2026-06-15T03:00:00Z',
      answeredAt: '2026-06-15T03:00:05Z',
      endedAt: '2026-06-15T03:01:05Z',
      waitSeconds: 5,
      talkSeconds: 60,
      outcome: 'answered',
    }),
  ];
}

const count = async () =>
  Number(
    (
      await w.db.db
        .selectFrom('call_records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('call records API', () => {
  it('refuses a batch with any bad record, naming each record and field, and stores nothing', async () => {
    const records = handful();
    records[1] = { ...records[1]!, answeredAt: null };
    records[2] = { ...records[2]!, workOrderId: 'no-such-order' };
    records[3] = { ...records[3]!, talkSeconds: 5, agentUserId: 'no-such-user' };
    records[4] = { ...records[4]!, externalId: 'A1' };
    const res = await manager.send('POST', '/api/v1/call-records', { records });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('callcenter.batch_invalid');
    expect(res.body.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`)).toEqual([
      'records.1.answeredAt:required',
      'records.2.workOrderId:not_found',
      'records.3.talkSeconds:not_allowed',
      'records.3.agentUserId:not_found',
      'records.4.externalId:unique',
    ]);
    expect(await count()).toBe(0);
    const shape = await manager.send('POST', '/api/v1/call-records', {
      records: [{ ...handful()[0], waitSeconds: -1 }],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors[0].path).toBe('records.0.waitSeconds');
    expect(await count()).toBe(0);
  });

  it('stores a batch once: re-posting it changes nothing', async () => {
    const first = await manager.send('POST', '/api/v1/call-records', { records: handful() });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 6, duplicates: 0 });
    const again = await manager.send('POST', '/api/v1/call-records', { records: handful() });
    expect(again.body).toEqual({ created: 0, duplicates: 6 });
    expect(await count()).toBe(6);
  });

  it('computes the figures by hand: totals, per day, per half hour and per agent', async () => {
    const res = await manager.get('/api/v1/callcenter/figures?from=2026-06-15&to=2026-06-16');
    expect(res.status).toBe(200);
    expect(res.body.thresholdSeconds).toBe(20);
    expect(res.body.ownOnly).toBe(false);
    // Offered 5 (the outbound call is not offered to the queue); answered within 20 s: A1 (10 s), A3 (20 s).
    expect(res.body.total).toMatchObject({
      offered: 5,
      answered: 3,
      abandoned: 2,
      answeredWithinThreshold: 2,
      answerRate: 0.6,
      abandonmentRate: 0.4,
      serviceLevel: 0.4,
      asaSeconds: 20,
      fcrRate: 0.5,
      fcrRecorded: 2,
    });
    // AHT = (200 + 20 + 30 + 100 + 20 + 300) ÷ 3
    expect(res.body.total.ahtSeconds).toBeCloseTo(670 / 3, 9);
    expect(
      res.body.series.map((s: { key: string; offered: number; serviceLevel: number }) => [
        s.key,
        s.offered,
        s.serviceLevel,
      ]),
    ).toEqual([
      ['2026-06-15', 4, 0.5],
      ['2026-06-16', 1, 0],
    ]);
    const agents = Object.fromEntries(
      res.body.agents.map((a: { agentUserId: string }) => [a.agentUserId, a]),
    );
    expect(agents[agent1.userId]).toMatchObject({
      offered: 2,
      answered: 2,
      serviceLevel: 0.5,
      asaSeconds: 20,
      ahtSeconds: 185,
      fcrRate: 0.5,
    });
    expect(agents[agent2Id]).toMatchObject({ offered: 1, serviceLevel: 1, ahtSeconds: 300, fcrRate: null });

    const half = await manager.get(
      '/api/v1/callcenter/figures?from=2026-06-15&to=2026-06-16&interval=halfhour',
    );
    expect(half.body.series.map((s: { key: string; offered: number }) => [s.key, s.offered])).toEqual([
      ['09:00', 3],
      ['09:30', 1],
      ['10:00', 1],
    ]);
    const x = await manager.get('/api/v1/callcenter/figures/export.xlsx?from=2026-06-15&to=2026-06-16');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getRow(2).values).toEqual([
      undefined,
      '合计',
      5,
      3,
      2,
      2,
      60,
      40,
      40,
      20,
      223.3,
      50,
    ]);
    const oneDay = await manager.get('/api/v1/callcenter/figures?from=2026-06-16&to=2026-06-16');
    expect(oneDay.body.total).toMatchObject({ offered: 1, answered: 0, answerRate: 0, asaSeconds: null });
  });

  it('uses the threshold setting', async () => {
    const put = await w.as(await w.user('admin'));
    const set = await put.send('PUT', '/api/v1/settings/callcenter.policy', {
      value: {
        serviceLevelSeconds: 30,
        targetServiceLevelPercent: 80,
        shrinkagePercent: 30,
        maxOccupancyPercent: 85,
      },
      version: 0,
    });
    expect(set.status).toBeLessThan(300);
    const res = await manager.get('/api/v1/callcenter/figures?from=2026-06-15&to=2026-06-16');
    expect(res.body.thresholdSeconds).toBe(30);
    expect(res.body.total.serviceLevel).toBe(0.6);
    const reset = await put.send('PUT', '/api/v1/settings/callcenter.policy', {
      value: {
        serviceLevelSeconds: 20,
        targetServiceLevelPercent: 80,
        shrinkagePercent: 30,
        maxOccupancyPercent: 85,
      },
      version: set.body.version,
    });
    expect(reset.status).toBeLessThan(300);
  });

  it('shows an agent only their own calls', async () => {
    const res = await agent1.get('/api/v1/callcenter/figures?from=2026-06-15&to=2026-06-16');
    expect(res.status).toBe(200);
    expect(res.body.ownOnly).toBe(true);
    expect(res.body.total).toMatchObject({ offered: 2, answered: 2 });
    expect(res.body.agents.map((a: { agentUserId: string }) => a.agentUserId)).toEqual([agent1.userId]);
    const list = await agent1.get(`/api/v1/call-records?agentUserId=${agent2Id}`);
    expect(list.body.items.every((i: { agentUserId: string }) => i.agentUserId === agent1.userId)).toBe(true);
    expect(list.body.items).toHaveLength(3);
  });

  it('lists records newest first, page by page, with filters', async () => {
    const first = await manager.get('/api/v1/call-records?limit=4');
    expect(first.body.items.map((i: { externalId: string }) => i.externalId)).toEqual([
      'B2',
      'O1',
      'A3',
      'B1',
    ]);
    const next = await manager.get(`/api/v1/call-records?limit=4&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['A2', 'A1']);
    expect(next.body.nextCursor).toBeNull();
    const abandoned = await manager.get(
      '/api/v1/call-records?outcome=abandoned&from=2026-06-15&to=2026-06-15',
    );
    expect(abandoned.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['B1']);
  });

  it('refuses a reversed or too long date range, naming the field', async () => {
    const rev = await manager.get('/api/v1/callcenter/figures?from=2026-06-16&to=2026-06-15');
    expect(rev.status).toBe(400);
    expect(rev.body.errors[0]).toMatchObject({ path: 'to', rule: 'after_from' });
    const long = await manager.get('/api/v1/callcenter/figures?from=2025-01-01&to=2026-06-15');
    expect(long.body.errors[0]).toMatchObject({ path: 'to', rule: 'max_range' });
  });

  it('refuses roles without the permission', async () => {
    expect((await tech.get('/api/v1/callcenter/figures?from=2026-06-15&to=2026-06-16')).status).toBe(403);
    expect((await tech.get('/api/v1/call-records')).status).toBe(403);
    expect((await agent1.send('POST', '/api/v1/call-records', { records: handful() })).status).toBe(403);
    expect(
      (await agent1.send('POST', '/api/v1/callcenter/staffing', { volumes: [10], ahtSeconds: 200 })).status,
    ).toBe(403);
    expect((await agent1.get('/api/v1/call-records/import/template')).status).toBe(403);
  });
});

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(file: Buffer, name: string) {
  const b = `----anxin${newId()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return manager.send('POST', '/api/v1/call-records/import', body, {
    'content-type': `multipart/form-data; boundary=${b}`,
  });
}
const row = (id: string, over: Partial<Record<number, string | number>> = {}) => {
  const r: (string | number)[] = [
    'IMP',
    id,
    '呼入',
    '13800138000',
    '售后热线',
    'agent-x',
    '2026-06-17 09:00:05',
    '2026-06-17 09:00:17',
    '2026-06-17 09:04:17',
    12,
    240,
    0,
    30,
    '接通',
    '是',
    '',
  ];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

describe('call record import', () => {
  let agentLogin: string;
  beforeAll(async () => {
    agentLogin = (
      await w.db.db
        .selectFrom('users')
        .select('username')
        .where('id', '=', agent2Id)
        .executeTakeFirstOrThrow()
    ).username;
  });

  it('imports nothing when any row is bad and reports every bad row', async () => {
    const before = await count();
    const res = await upload(
      await workbook([
        row('I1', { 5: agentLogin }),
        row('I2', { 6: '2026-06-17 25:00', 13: '挂断' }),
        row('I3', { 5: agentLogin, 7: '', 10: 0 }),
        row('I1', { 5: agentLogin }),
        row('I5', { 5: 'nobody' }),
      ]),
      'calls.xlsx',
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('callcenter.import_invalid');
    expect(res.body.errors.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`)).toEqual([
      'rows.3.outcome:invalid_value',
      'rows.3.agent:not_found',
      'rows.3.offeredAt:invalid_format',
      'rows.4.answeredAt:required',
      'rows.5.externalId:unique',
      'rows.6.agent:not_found',
    ]);
    expect(res.body.params).toEqual({ count: 6 });
    expect(await count()).toBe(before);
  });

  it('imports a good workbook and a CSV once, idempotent by source and external id', async () => {
    const before = await count();
    const xlsx = await upload(
      await workbook([row('I1', { 5: agentLogin }), row('I2', { 5: '', 7: '', 10: 0, 13: '放弃', 14: '' })]),
      'calls.xlsx',
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.body).toEqual({ created: 2, duplicates: 0 });
    const csv = [
      IMPORT_COLUMNS.map(([, zh]) => zh).join(','),
      [
        'IMP',
        'I2',
        '呼入',
        '',
        '',
        '',
        '2026-06-17 09:10:00',
        '',
        '2026-06-17 09:10:40',
        '40',
        '',
        '',
        '',
        '放弃',
        '',
        '',
      ].join(','),
      [
        'IMP',
        'I3',
        'inbound',
        '"139,0013"',
        '',
        agentLogin,
        '2026-06-17T01:20:00Z',
        '2026-06-17T01:20:05Z',
        '2026-06-17T01:25:05Z',
        '5',
        '300',
        '',
        '',
        'answered',
        'no',
        '',
      ].join(','),
    ].join('\r\n');
    const res = await upload(Buffer.from(`\uFEFF${csv}\r\n`), 'calls.csv');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 1, duplicates: 1 });
    expect(await count()).toBe(before + 3);
    const i3 = await w.db.db
      .selectFrom('call_records')
      .selectAll()
      .where('external_id', '=', 'I3')
      .executeTakeFirstOrThrow();
    expect(i3).toMatchObject({
      caller_number: '139,0013',
      agent_user_id: agent2Id,
      offered_on: '2026-06-17',
      offered_slot: 18,
      resolved_first_contact: 0,
    });
  });

  it('serves the template, which imports as it stands', async () => {
    const t = await manager.get('/api/v1/call-records/import/template');
    expect(t.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.raw as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('话单编号');
  });
});

describe('staffing planner', () => {
  it('plans the Westbay worked example (360 calls per half hour, 240 s, 80 % in 15 s)', async () => {
    const res = await manager.send('POST', '/api/v1/callcenter/staffing', {
      volumes: [360, 0],
      ahtSeconds: 240,
      targetServiceLevelPercent: 80,
      thresholdSeconds: 15,
      shrinkagePercent: 30,
      maxOccupancyPercent: 100,
    });
    expect(res.status).toBe(200);
    expect(res.body.intervals[0]).toMatchObject({
      volume: 360,
      trafficErlangs: 48,
      agents: 55,
      scheduled: 79,
    });
    expect(res.body.intervals[0].waitProbability).toBeCloseTo(0.2387, 4);
    expect(res.body.intervals[0].serviceLevel).toBeCloseTo(0.846, 3);
    expect(res.body.intervals[0].asaSeconds).toBeCloseTo(8.2, 1);
    expect(res.body.intervals[1]).toMatchObject({ agents: 0, scheduled: 0, serviceLevel: null });
    expect(res.body.agentHours).toBe(27.5);
    // Defaults from the setting: 20 s, 80 %, 30 % shrinkage, 85 % occupancy cap (57 agents).
    const dflt = await manager.send('POST', '/api/v1/callcenter/staffing', {
      volumes: [360],
      ahtSeconds: 240,
    });
    expect(dflt.body).toMatchObject({
      thresholdSeconds: 20,
      targetServiceLevelPercent: 80,
      shrinkagePercent: 30,
      maxOccupancyPercent: 85,
    });
    expect(dflt.body.intervals[0].agents).toBe(57);
  });

  it('refuses a target no staffing reaches, naming the interval', async () => {
    const res = await manager.send('POST', '/api/v1/callcenter/staffing', {
      volumes: [10, 100_000],
      intervalMinutes: 5,
      ahtSeconds: 36_000,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('callcenter.target_unreachable');
    expect(res.body.params).toEqual({ interval: 2, maxAgents: 5000 });
    expect(res.body.errors[0].path).toBe('volumes.1');
  });
});
