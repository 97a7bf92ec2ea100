import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileNotFoundError, LocalDiskStorage, MeasuringStream, sniffType } from './index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const read = async (s: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

describe('LocalDiskStorage', () => {
  const storage = new LocalDiskStorage(root);

  it('puts buffers and streams, gets them back and deletes idempotently', async () => {
    await storage.put('a/b/one', Buffer.from('hello'));
    await storage.put('a/b/two', Readable.from([Buffer.from('wor'), Buffer.from('ld')]));
    expect((await read(await storage.get('a/b/one'))).toString()).toBe('hello');
    expect((await read(await storage.get('a/b/two'))).toString()).toBe('world');
    await storage.delete('a/b/one');
    await storage.delete('a/b/one');
    await expect(storage.get('a/b/one')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(fs.readdirSync(path.join(root, 'a/b'))).toEqual(['two']);
  });

  it('refuses keys that could escape the root', async () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../x', 'a//b', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe storage key/);
    }
  });

  it('leaves nothing behind when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('c/broken', failing)).rejects.toThrow('client went away');
    expect(fs.existsSync(path.join(root, 'c')) ? fs.readdirSync(path.join(root, 'c')) : []).toEqual([]);
  });
});

describe('content sniffing and measuring', () => {
  const ftyp = (brand: string) =>
    Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}`), Buffer.alloc(8)]);
  it.each([
    [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(12)]), 'image/jpeg'],
    [
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8)]),
      'image/png',
    ],
    [Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    [ftyp('heic'), 'image/heic'],
    [ftyp('isom'), 'video/mp4'],
    [ftyp('qt  '), 'video/quicktime'],
    [Buffer.from('%PDF-1.7\n%abcdefg'), 'application/pdf'],
    [Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff'), null],
    [Buffer.from('short'), null],
  ])('%#: %s', (head, type) => {
    expect(sniffType(head)).toBe(type);
  });

  it('hashes and counts what passes through', async () => {
    const m = new MeasuringStream();
    const out = await read(Readable.from([Buffer.from('ab'), Buffer.from('c')]).pipe(m));
    expect(out.toString()).toBe('abc');
    expect(m.size).toBe(3);
    expect(m.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
