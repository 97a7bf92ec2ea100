import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  createBody,
  seedRefs,
  startWorld,
  type Client,
  type World,
} from '../../../test/factories/workorders.ts';
import { redactExportRecords } from './audit.ts';
import { WATERMARK_SHEET } from './watermark.ts';

let w: World;
let agent: Client;
let admin: Client;
let agentName: string;

beforeAll(async () => {
  w = await startWorld('2026-11-22T02:00:00Z');
  const refs = await seedRefs(w);
  const u = await w.user('agent');
  agentName = u.username;
  agent = await w.as(u);
  admin = await w.as(await w.user('admin'));
  for (let i = 0; i < 3; i++)
    expect((await agent.send('POST', '/api/v1/work-orders', createBody(refs))).status).toBe(201);
});
afterAll(() => w.close());

const exportAudit = async () =>
  (await admin.get('/api/v1/audit?streamType=export&limit=200')).body.items as {
    streamId: string;
    actorId: string | null;
    occurredAt: string;
    data: Record<string, unknown>;
  }[];

describe('work-order export: audit and watermark', () => {
  it('records who, when, which filter and how many rows, and prints the same into the file', async () => {
    const res = await agent.get('/api/v1/work-orders/export.xlsx?type=repair');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(wb.getWorksheet('工单')!.rowCount).toBe(1 + 3);
    expect(wb.creator).toBe(agentName);
    expect(wb.getWorksheet('工单')!.headerFooter.oddHeader).toContain(agentName);
    const info = wb.getWorksheet(WATERMARK_SHEET)!;
    const field = (label: string) => {
      let v: unknown;
      info.eachRow((r) => {
        if (r.getCell(1).value === label) v = r.getCell(2).value;
      });
      return v;
    };
    expect(field('导出人')).toContain(agentName);
    expect(field('导出时间')).toBe('2026-11-22 10:00（北京时间）');
    expect(field('行数')).toBe(3);
    expect(JSON.parse(String(field('筛选条件')))).toMatchObject({ type: 'repair' });

    const entry = (await exportAudit()).find((e) => e.streamId === field('导出编号'))!;
    expect(entry).toMatchObject({
      actorId: agent.userId,
      occurredAt: '2026-11-22T02:00:00.000Z',
      data: { kind: 'workorders', rows: 3, format: 'xlsx', filter: { type: 'repair' } },
    });
  });

  it('past the audit retention an export record keeps kind and rows, not who or which filter', async () => {
    await agent.get('/api/v1/work-orders/export.xlsx?channel=hotline');
    const before = await exportAudit();
    expect(before.length).toBeGreaterThan(0);
    expect(await redactExportRecords(w.db.db, new Date('2026-11-22T01:00:00Z'))).toBe(0);
    const n = await redactExportRecords(w.db.db, new Date('2026-11-23T00:00:00Z'));
    expect(n).toBe(before.length);
    const after = await exportAudit();
    expect(after.every((e) => e.actorId === null && e.data.filter === undefined && e.data.redacted)).toBe(
      true,
    );
    expect(after.map((e) => e.data.rows)).toEqual(before.map((e) => e.data.rows));
    // Idempotent: a second sweep finds nothing left to redact.
    expect(await redactExportRecords(w.db.db, new Date('2026-11-23T00:00:00Z'))).toBe(0);
  });
});
