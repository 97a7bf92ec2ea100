import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePortalUser } from '../../../test/factories/customers.ts';
import { seedRefs, startWorld, type Client, type World } from '../../../test/factories/workorders.ts';
import { inlineDisposition } from './files.routes.ts';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const A = '/api/v1/knowledge/articles';
const F = '/api/v1/knowledge/files';
const PF = '/api/v1/portal/knowledge/files';

let w: World;
let agent: Client;
let quality: Client;
let admin: Client;
let customer: Client;
let anon: Client;

/** A tiny but well-formed PDF header plus filler: the sniffer reads the first bytes. */
const pdf = (size = 200) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, 0x20)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);

function multipart(body: Buffer, type: string, filename: string) {
  const boundary = '----anxin-kb';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (c: Client, body = pdf(), type = 'application/pdf', filename = 'manual.pdf') => {
  const m = multipart(body, type, filename);
  return c.send('POST', F, m.payload, m.headers);
};

const count = async (t: 'kb_files' | 'kb_article_versions' | 'events') =>
  Number(
    (
      await w.db.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const storedFiles = () => {
  const dir = path.join(w.dataDir, 'files', 'knowledge');
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
};

async function newArticle(slug: string, visibility: 'public' | 'internal', fileId: string) {
  const r = await quality.send('POST', A, {
    slug,
    kind: 'manual',
    title: '空调安装说明书',
    visibility,
    attachments: [{ kind: 'manual', name: '安装说明书', fileId }],
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}
async function step(id: string, action: string, version: number) {
  const r = await quality.send('POST', `${A}/${id}/steps`, { action, version });
  expect(r.status).toBe(200);
  return r.body as { id: string; version: number };
}
const publish = async (a: { id: string; version: number }) =>
  step(a.id, 'approve', (await step(a.id, 'submit', a.version)).version);

beforeAll(async () => {
  w = await startWorld(NOW);
  const refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  admin = await w.as(await w.user('admin'));
  const portalUser = await makePortalUser(w.db, refs.customerId, NOW);
  customer = await w.as({ id: portalUser, username: 'customer' });
  const inject = async (o: { method: 'GET' | 'POST'; url: string }) => {
    const r = await w.built.app.inject(o);
    return { status: r.statusCode, body: r.body, headers: r.headers, raw: r.rawPayload };
  };
  anon = {
    userId: '',
    get: (url) => inject({ method: 'GET', url }),
    send: (_m, url) => inject({ method: 'POST', url }),
  };
});
afterAll(() => w.close());

describe('knowledge files', () => {
  it('stores an upload with its measure and an event, and streams it back to staff', async () => {
    const before = await count('events');
    const r = await upload(quality, pdf(300), 'application/pdf', '空调说明书 (v2).pdf');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ filename: '空调说明书 (v2).pdf', contentType: 'application/pdf' });
    expect(r.body.sizeBytes).toBe(pdf(300).length);
    expect(await count('events')).toBe(before + 1);
    const got = await agent.get(`${F}/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(inlineDisposition('空调说明书 (v2).pdf'));
    expect(got.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E7%A9%BA%E8%B0%83%E8%AF%B4%E6%98%8E%E4%B9%A6%20%28v2%29.pdf",
    );
    expect(got.raw.equals(pdf(300))).toBe(true);
  });

  it('refuses a type it does not take, or bytes that lie, and keeps nothing', async () => {
    const [rows, stored] = [await count('kb_files'), storedFiles()];
    const text = await upload(quality, Buffer.from('hello world, not a manual'), 'text/plain', 'a.txt');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('request.unsupported_media_type');
    const lying = await upload(quality, jpeg, 'application/pdf', 'fake.pdf');
    expect(lying.status).toBe(415);
    expect(lying.body.errors[0]).toMatchObject({ path: 'file', rule: 'media_type' });
    expect([await count('kb_files'), storedFiles()]).toEqual([rows, stored]);
  });

  it('refuses a file over the knowledge policy limit with 413 and keeps nothing', async () => {
    const policy = (await admin.get('/api/v1/settings/knowledge.policy')).body;
    expect(policy.value.maxAttachmentBytes).toBe(100 * 1024 * 1024);
    const put = await admin.send('PUT', '/api/v1/settings/knowledge.policy', {
      value: { ...policy.value, maxAttachmentBytes: 100_000 },
      version: policy.version,
    });
    expect(put.status).toBe(200);
    const [rows, stored] = [await count('kb_files'), storedFiles()];
    const big = await upload(quality, pdf(120_000));
    expect(big.status).toBe(413);
    expect(big.body.errors[0]).toMatchObject({
      path: 'file',
      rule: 'max_size',
      params: { maxBytes: 100_000 },
    });
    expect([await count('kb_files'), storedFiles()]).toEqual([rows, stored]);
    expect((await upload(quality, pdf(1000))).status).toBe(201);
    const back = (await admin.get('/api/v1/settings/knowledge.policy')).body;
    await admin.send('PUT', '/api/v1/settings/knowledge.policy', {
      value: { ...back.value, maxAttachmentBytes: 100 * 1024 * 1024 },
      version: back.version,
    });
  });

  it('only editors upload', async () => {
    expect((await upload(customer)).status).toBe(403);
    expect((await anon.send('POST', F)).status).toBe(401);
  });

  it('names the attachment whose file does not exist and saves nothing', async () => {
    const file = (await upload(quality)).body as { id: string };
    const versions = await count('kb_article_versions');
    const bad = await quality.send('POST', A, {
      slug: 'manual-unknown-file',
      kind: 'manual',
      title: '说明书',
      visibility: 'public',
      attachments: [
        { kind: 'manual', name: '说明书', fileId: file.id },
        { kind: 'video', name: '视频', fileId: 'no-such-file' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'attachments.1.fileId', rule: 'not_found' });
    expect(await count('kb_article_versions')).toBe(versions);

    const a = await newArticle('manual-draft-check', 'public', file.id);
    const before = (await quality.get(`${A}/${a.id}`)).body;
    const save = await quality.send('PUT', `${A}/${a.id}/draft`, {
      version: a.version,
      content: {
        title: '改了标题',
        visibility: 'public',
        attachments: [{ kind: 'manual', name: 'x', fileId: 'nope' }],
      },
    });
    expect(save.status).toBe(400);
    expect(save.body.errors[0].path).toBe('attachments.0.fileId');
    expect((await quality.get(`${A}/${a.id}`)).body).toEqual(before);
  });

  it('keeps link attachments valid beside uploaded ones', async () => {
    const file = (await upload(quality)).body as { id: string };
    const r = await quality.send('POST', A, {
      slug: 'manual-mixed',
      kind: 'manual',
      title: '混合附件',
      visibility: 'internal',
      attachments: [
        { kind: 'link', name: '厂家网站', url: 'https://example.com/m.pdf' },
        { kind: 'manual', name: '说明书', fileId: file.id },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.pending.attachments).toEqual([
      { kind: 'link', name: '厂家网站', url: 'https://example.com/m.pdf' },
      { kind: 'manual', name: '说明书', fileId: file.id },
    ]);
  });

  it('serves the portal only files of the live version of a published public article', async () => {
    const pub = (await upload(quality)).body as { id: string };
    const internal = (await upload(quality)).body as { id: string };
    const draftOnly = (await upload(quality)).body as { id: string };
    const loose = (await upload(quality)).body as { id: string };
    const a = await newArticle('manual-public', 'public', pub.id);
    // Not yet published: nobody outside sees it.
    expect((await anon.get(`${PF}/${pub.id}`)).status).toBe(404);
    const live = await publish(a);
    await publish(await newArticle('manual-internal', 'internal', internal.id));
    await newArticle('manual-only-draft', 'public', draftOnly.id);

    for (const c of [anon, customer]) {
      const ok = await c.get(`${PF}/${pub.id}`);
      expect(ok.status).toBe(200);
      expect(ok.headers['content-type']).toBe('application/pdf');
      for (const id of [internal.id, draftOnly.id, loose.id, 'no-such-file'])
        expect((await c.get(`${PF}/${id}`)).status).toBe(404);
    }
    // Staff readers may open any stored file; the portal customer may not use the staff route.
    for (const id of [internal.id, draftOnly.id, loose.id])
      expect((await agent.get(`${F}/${id}`)).status).toBe(200);
    expect((await customer.get(`${F}/${pub.id}`)).status).toBe(403);

    // An archived article's files disappear from the portal.
    await step(a.id, 'archive', live.version);
    expect((await anon.get(`${PF}/${pub.id}`)).status).toBe(404);
  });
});

describe('inlineDisposition', () => {
  it('gives an ASCII fallback and escapes what RFC 5987 reserves', () => {
    expect(inlineDisposition(`说明书'(1)*.pdf`)).toBe(
      `inline; filename="___'(1)*.pdf"; filename*=UTF-8''%E8%AF%B4%E6%98%8E%E4%B9%A6%27%281%29%2A.pdf`,
    );
    expect(inlineDisposition('a"b\\c.pdf')).toBe(
      `inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});
