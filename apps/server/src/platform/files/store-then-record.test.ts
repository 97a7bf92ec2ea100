import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileNotFoundError, LocalDiskStorage, storeThenRecord } from './index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const storage = new LocalDiskStorage(root);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const up = (bytes: Buffer, mimetype = 'image/png') => ({ stream: Readable.from([bytes]), mimetype });
const limits = { maxBytes: 1000, allowed: ['image/png'], what: 'Photos' };

describe('storeThenRecord', () => {
  it('records a good upload with its size and hash, and keeps the file', async () => {
    const got = await storeThenRecord(storage, 'p/ok', up(PNG), limits, async (s) => s);
    expect(got.sizeBytes).toBe(PNG.length);
    expect(got.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(storage.get('p/ok')).resolves.toBeDefined();
  });

  it('refuses too large (413) and lying bytes (415) without recording or keeping the file', async () => {
    let recorded = 0;
    const record = async () => void recorded++;
    const big = Buffer.concat([PNG, Buffer.alloc(2000)]);
    await expect(storeThenRecord(storage, 'p/big', up(big), limits, record)).rejects.toMatchObject({
      code: 'request.payload_too_large',
    });
    await expect(
      storeThenRecord(storage, 'p/lie', up(Buffer.from('not a png')), limits, record),
    ).rejects.toMatchObject({ code: 'request.unsupported_media_type' });
    expect(recorded).toBe(0);
    for (const key of ['p/big', 'p/lie'])
      await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('deletes the stored file when recording fails', async () => {
    const failing = async () => {
      throw new Error('row refused');
    };
    await expect(storeThenRecord(storage, 'p/rolled-back', up(PNG), limits, failing)).rejects.toThrow(
      'row refused',
    );
    await expect(storage.get('p/rolled-back')).rejects.toBeInstanceOf(FileNotFoundError);
  });
});
