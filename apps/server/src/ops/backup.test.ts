import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { usePostgres } from '../../test/pg.ts';
import {
  createBody,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../test/factories/workorders.ts';
import { backupSqlite } from './backup.ts';
import { checkConsistency } from './consistency.ts';
import { readManifest } from './manifest.ts';
import { restoreSqlite } from './restore.ts';

const jpeg = (seed: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, seed)]);

function multipart(body: Buffer) {
  const boundary = '----anxin';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

// The backup command reads the SQLite file; PostgreSQL is backed up with pg_dump (docs/operations.md).
describe.skipIf(usePostgres())('backup and restore (SQLite)', () => {
  let w: World;
  let refs: Refs;
  let agent: Client;
  let tmp: string;

  const orderWithAttachment = async (i: number) => {
    const res = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
    expect(res.status).toBe(201);
    const up = multipart(jpeg(i % 250));
    const att = await agent.send(
      'POST',
      `/api/v1/work-orders/${res.body.order.id}/attachments`,
      up.payload,
      up.headers,
    );
    expect(att.status).toBe(201);
  };

  beforeAll(async () => {
    w = await startWorld('2026-06-15T02:00:00Z');
    refs = await seedRefs(w);
    agent = await w.as(await w.user('agent'));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-backup-'));
    for (let i = 0; i < 5; i++) await orderWithAttachment(i);
  });
  afterAll(async () => {
    await w.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const source = () => ({ dbFile: w.db.location, filesDir: path.join(w.dataDir, 'files') });

  it('backs up under concurrent writes and restores a consistent system into an empty directory', async () => {
    const out = path.join(tmp, 'backup');
    let stop = false;
    let written = 0;
    // Orders with attachments keep arriving while the backup runs.
    const writer = (async () => {
      while (!stop) await orderWithAttachment(100 + written++);
    })();
    await new Promise((r) => setTimeout(r, 50));
    const manifest = await backupSqlite({ ...source(), out, appVersion: 'test' });
    await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(manifest.migration.count).toBeGreaterThan(10);
    expect(manifest.counts.work_orders).toBeGreaterThanOrEqual(5);
    // Each attachment row of the snapshot came with its file: the snapshot is a committed state.
    expect(manifest.files.filter((f) => f.path.startsWith('files/'))).toHaveLength(
      manifest.counts.attachments!,
    );
    // An order may be in the snapshot without its attachment yet (uploaded after the snapshot).
    expect(manifest.counts.work_orders! - manifest.counts.attachments!).toBeLessThanOrEqual(1);

    const dataDir = path.join(tmp, 'restored');
    const { report } = await restoreSqlite({ from: out, dataDir });
    expect(report).toMatchObject({ ok: true, problems: [] });
    const again = await checkConsistency(
      { dbFile: path.join(dataDir, 'anxin.sqlite'), filesDir: path.join(dataDir, 'files') },
      readManifest(out),
    );
    expect(again.ok).toBe(true);
    expect(again.checked).toMatchObject({
      workOrders: manifest.counts.work_orders,
      files: manifest.counts.attachments,
      workOrderEvents: manifest.workOrderEvents,
    });
    // The live system moved on: it has more orders than the backup.
    const live = await checkConsistency(source());
    expect(live.ok).toBe(true);
    expect(live.checked.workOrders).toBeGreaterThan(manifest.counts.work_orders!);
  });

  it('refuses a non-empty data directory and a damaged backup, writing nothing', async () => {
    const out = path.join(tmp, 'backup2');
    await backupSqlite({ ...source(), out, appVersion: 'test' });
    const busy = path.join(tmp, 'busy');
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'x');
    await expect(restoreSqlite({ from: out, dataDir: busy })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);

    const m = readManifest(out);
    const file = m.files.find((f) => f.path.startsWith('files/'))!;
    fs.appendFileSync(path.join(out, ...file.path.split('/')), 'tampered');
    const target = path.join(tmp, 'never');
    await expect(restoreSqlite({ from: out, dataDir: target })).rejects.toThrow(/checksum differs/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('reports a missing attachment and a missing creation event', async () => {
    const out = path.join(tmp, 'backup3');
    await backupSqlite({ ...source(), out, appVersion: 'test' });
    const db = new SQLite(path.join(out, 'anxin.sqlite'));
    db.prepare(
      `delete from events where type = 'workorder.created' and rowid = (select min(rowid) from events where type = 'workorder.created')`,
    ).run();
    db.close();
    const m = readManifest(out);
    fs.rmSync(path.join(out, ...m.files.find((f) => f.path.startsWith('files/'))!.path.split('/')));
    const report = await checkConsistency(
      { dbFile: path.join(out, 'anxin.sqlite'), filesDir: path.join(out, 'files') },
      m,
    );
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/missing[\s\S]*creation event missing/);
    expect(report.problems.join('\n')).toMatch(/work-order events: \d+, backup had/);
  });

  it('refuses to back up into a non-empty directory', async () => {
    const out = path.join(tmp, 'backup4');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'x'), 'x');
    await expect(backupSqlite({ ...source(), out, appVersion: 'test' })).rejects.toThrow(/not empty/);
  });
});
