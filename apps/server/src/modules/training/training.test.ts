import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTechnician } from '../../../test/factories/network.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

// Tuesday 2026-11-03 10:00 Shanghai.
const NOW = '2026-11-03T02:00:00.000Z';
const P = '/api/v1/training';

let w: World;
let refs: Refs;
let quality: Client;
let admin: Client;
let agent: Client;
let managerA: Client;
let techA: Client;
let techB: Client;

const course = (over: Record<string, unknown> = {}) => ({
  title: '洗衣机安装规范',
  description: '安装、调平与试机',
  categoryCode: refs.categoryCode,
  lessons: [
    { title: '安装前检查', body: '核对型号、电源与水压。' },
    { title: '调平与试机', body: '四脚调平，空载试机。' },
  ],
  questions: [
    {
      id: 'q1',
      text: '安装前必须核对什么？',
      kind: 'single',
      options: [
        { id: 'a', text: '电源与水压' },
        { id: 'b', text: '客户年龄' },
      ],
      correct: ['a'],
    },
    {
      id: 'q2',
      text: '试机要做哪些？',
      kind: 'multiple',
      options: [
        { id: 'a', text: '调平' },
        { id: 'b', text: '空载运行' },
        { id: 'c', text: '拆下底座' },
      ],
      correct: ['a', 'b'],
    },
  ],
  ...over,
});
const RIGHT = { q1: ['a'], q2: ['b', 'a'] };
const HALF = { q1: ['a'], q2: ['a'] };

async function publishedCourse(over: Record<string, unknown> = {}) {
  const c = (await quality.send('POST', `${P}/courses`, course(over))).body;
  const p = await quality.send('POST', `${P}/courses/${c.id}/publish`, { version: c.version });
  expect(p.status).toBe(200);
  return p.body;
}
const assign = (seriesId: string, target: Record<string, unknown>, dueOn = '2026-11-30') =>
  quality.send('POST', `${P}/assignments`, { seriesId, target, dueOn });
const my = async (c: Client) => (await c.get(`${P}/my`)).body;
const readAll = async (c: Client, courseId: string, n = 2) => {
  for (let i = 1; i <= n; i++)
    expect((await c.send('POST', `${P}/my/courses/${courseId}/lessons/${i}/read`)).status).toBe(200);
};
const attempt = async (c: Client, courseId: string, answers: Record<string, string[]>) => {
  const a = await c.send('POST', `${P}/my/courses/${courseId}/attempts`);
  expect(a.status).toBe(201);
  return c.send('POST', `${P}/my/attempts/${a.body.id}/submit`, { answers });
};

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  quality = await w.as(await w.user('quality'));
  admin = await w.as(await w.user('admin'));
  agent = await w.as(await w.user('agent'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  techA = await w.as(refs.techA.user);
  techB = await w.as(refs.techB.user);
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('course editions', () => {
  it('edits a draft, freezes it once published, and revises into the next edition', async () => {
    const created = await quality.send('POST', `${P}/courses`, course());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ edition: 1, status: 'draft', seriesId: created.body.id });
    const edited = await quality.send('PUT', `${P}/courses/${created.body.id}`, {
      ...course({ title: '洗衣机安装规范（2026）' }),
      version: created.body.version,
    });
    expect(edited.body).toMatchObject({ title: '洗衣机安装规范（2026）', version: 2 });
    const stale = await quality.send('PUT', `${P}/courses/${created.body.id}`, { ...course(), version: 1 });
    expect(stale.body.code).toBe('resource.version_conflict');
    const pub = await quality.send('POST', `${P}/courses/${created.body.id}/publish`, { version: 2 });
    expect(pub.body).toMatchObject({ status: 'published' });
    expect(pub.body.publishedAt).toBe(NOW);

    const frozen = await quality.send('PUT', `${P}/courses/${created.body.id}`, { ...course(), version: 3 });
    expect(frozen.status).toBe(409);
    expect(frozen.body).toMatchObject({ code: 'training.course_frozen', params: { status: 'published' } });

    const next = await quality.send('POST', `${P}/courses/${created.body.id}/revise`);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ edition: 2, status: 'draft', seriesId: created.body.id });
    expect(next.body.questions[0].correct).toEqual(['a']);
    const again = await quality.send('POST', `${P}/courses/${created.body.id}/revise`);
    expect(again.body).toMatchObject({ code: 'training.draft_exists', params: { edition: 2 } });
    await quality.send('POST', `${P}/courses/${next.body.id}/publish`, { version: next.body.version });
    const first = await quality.get(`${P}/courses/${created.body.id}`);
    expect(first.body.status).toBe('retired');
    const list = await quality.get(`${P}/courses?status=published`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(next.body.id);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
  });

  it('refuses a quiz whose answers are not among its options, unknown categories and empty courses', async () => {
    const q = course().questions;
    const badAnswer = await quality.send('POST', `${P}/courses`, {
      ...course(),
      questions: [{ ...q[0], correct: ['z'] }],
    });
    expect(badAnswer.body).toMatchObject({ code: 'training.invalid_quiz', params: { question: 'q1' } });
    const twoForSingle = await quality.send('POST', `${P}/courses`, {
      ...course(),
      questions: [{ ...q[0], correct: ['a', 'b'] }],
    });
    expect(twoForSingle.body.code).toBe('training.invalid_quiz');
    const cat = await quality.send('POST', `${P}/courses`, course({ categoryCode: 'NOPE' }));
    expect(cat.status).toBe(400);
    expect(cat.body.errors[0]).toMatchObject({ path: 'categoryCode', rule: 'unknown_category' });
    const empty = (await quality.send('POST', `${P}/courses`, course({ questions: [] }))).body;
    const pub = await quality.send('POST', `${P}/courses/${empty.id}/publish`, { version: empty.version });
    expect(pub.body).toMatchObject({ code: 'training.not_publishable', params: { missing: 'questions' } });
    const file = await quality.send('POST', `${P}/courses`, {
      ...course(),
      lessons: [{ title: '视频', fileId: 'not-a-file' }],
    });
    expect(file.body.code).toBe('training.unknown_file');
  });
});

describe('assignments', () => {
  it('reach technicians by outlet, by role and by name; bad targets change nothing', async () => {
    const c = await publishedCourse({ title: '外机安装' });
    expect((await assign(c.seriesId, { kind: 'outlet', outletId: refs.outletA })).status).toBe(201);
    expect((await my(techA)).courses.map((x: { courseId: string }) => x.courseId)).toContain(c.id);
    expect((await my(techB)).courses.map((x: { courseId: string }) => x.courseId)).not.toContain(c.id);

    const r = await publishedCourse({ title: '安全规范' });
    const byRole = await assign(r.seriesId, { kind: 'role', role: 'technician' }, '2026-12-01');
    expect(byRole.body.items[0]).toMatchObject({ targetKind: 'role', targetName: 'technician' });
    expect(byRole.body.items[0].technicianCount).toBeGreaterThanOrEqual(2);
    expect((await my(techB)).courses.map((x: { courseId: string }) => x.courseId)).toContain(r.id);

    const n = await publishedCourse({ title: '点名课程' });
    const named = await assign(n.seriesId, { kind: 'technician', technicianIds: [refs.techB.id] });
    expect(named.body.items[0]).toMatchObject({ targetId: refs.techB.id, technicianCount: 1 });
    // The same course assigned twice is still one course, due on the earlier date.
    await assign(n.seriesId, { kind: 'outlet', outletId: refs.outletB }, '2026-11-20');
    const mine = (await my(techB)).courses.filter((x: { courseId: string }) => x.courseId === n.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].dueOn).toBe('2026-11-20');

    const before = (await quality.get(`${P}/assignments`)).body.items.length;
    expect((await assign('unknown-series', { kind: 'role', role: 'technician' })).status).toBe(404);
    const past = await assign(n.seriesId, { kind: 'role', role: 'technician' }, '2026-11-02');
    expect(past.body).toMatchObject({ code: 'training.due_in_past', params: { today: '2026-11-03' } });
    expect((await assign(n.seriesId, { kind: 'technician', technicianIds: ['nobody'] })).status).toBe(404);
    const draft = (await quality.send('POST', `${P}/courses`, course())).body;
    const unpublished = await assign(draft.seriesId, { kind: 'role', role: 'technician' });
    expect(unpublished.body.code).toBe('training.no_published_edition');
    expect((await quality.get(`${P}/assignments`)).body.items.length).toBe(before);
  });
});

describe('taking a course', () => {
  it('reads lessons, fails, retries, passes and gets the certification; the quiz never shows answers', async () => {
    const tech = await makeTechnician(w, refs.outletA, refs.categoryCode);
    const me = await w.as(tech.user);
    const c = await publishedCourse({ validityMonths: null, passMark: null });
    await assign(c.seriesId, { kind: 'technician', technicianIds: [tech.id] });

    const early = await me.send('POST', `${P}/my/courses/${c.id}/attempts`);
    expect(early.body).toMatchObject({ code: 'training.lessons_unread', params: { count: 2 } });
    await readAll(me, c.id);
    await readAll(me, c.id); // marking again changes nothing
    let view = (await my(me)).courses.find((x: { courseId: string }) => x.courseId === c.id);
    expect(view).toMatchObject({ lessonsRead: [1, 2], status: 'in_progress', passMark: 80, maxAttempts: 3 });

    const started = await me.send('POST', `${P}/my/courses/${c.id}/attempts`);
    expect(JSON.stringify(started.body)).not.toContain('correct');
    expect(started.body.questions).toHaveLength(2);
    const unknown = await me.send('POST', `${P}/my/attempts/${started.body.id}/submit`, {
      answers: { ...RIGHT, q9: ['a'] },
    });
    expect(unknown.body).toMatchObject({ code: 'training.unknown_answer', params: { question: 'q9' } });
    const badOption = await me.send('POST', `${P}/my/attempts/${started.body.id}/submit`, {
      answers: { q1: ['x'], q2: ['a'] },
    });
    expect(badOption.body.code).toBe('training.unknown_answer');
    const missing = await me.send('POST', `${P}/my/attempts/${started.body.id}/submit`, {
      answers: { q1: ['a'] },
    });
    expect(missing.body).toMatchObject({ code: 'training.unanswered', params: { count: 1 } });
    // Nothing was recorded by the refusals: the same attempt is still open.
    expect((await me.send('POST', `${P}/my/courses/${c.id}/attempts`)).body.id).toBe(started.body.id);

    const failed = await me.send('POST', `${P}/my/attempts/${started.body.id}/submit`, { answers: HALF });
    expect(failed.body).toMatchObject({ score: 50, passed: false, attemptsLeft: 2, certification: null });
    const twice = await me.send('POST', `${P}/my/attempts/${started.body.id}/submit`, { answers: RIGHT });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('training.attempt_submitted');

    const passed = await attempt(me, c.id, RIGHT);
    expect(passed.body).toMatchObject({
      score: 100,
      passed: true,
      certification: { name: '洗衣机安装规范', expiresOn: '2028-11-03' },
    });
    view = (await my(me)).courses.find((x: { courseId: string }) => x.courseId === c.id);
    expect(view).toMatchObject({ status: 'passed', bestScore: 100 });
    const profile = await admin.get(`/api/v1/technicians/${tech.id}`);
    expect(profile.body.certifications).toEqual([
      expect.objectContaining({
        name: '洗衣机安装规范',
        categoryCode: refs.categoryCode,
        issuedOn: '2026-11-03',
        expiresOn: '2028-11-03',
        status: 'valid',
      }),
    ]);
    const more = await me.send('POST', `${P}/my/courses/${c.id}/attempts`);
    expect(more.body).toMatchObject({ code: 'training.already_passed', params: { expiresOn: '2028-11-03' } });
  });

  it('stops after the most attempts the policy allows', async () => {
    const tech = await makeTechnician(w, refs.outletB, refs.categoryCode);
    const me = await w.as(tech.user);
    const c = await publishedCourse({ title: '限次课程', passMark: 100 });
    await assign(c.seriesId, { kind: 'technician', technicianIds: [tech.id] });
    await readAll(me, c.id);
    for (const left of [2, 1, 0]) expect((await attempt(me, c.id, HALF)).body.attemptsLeft).toBe(left);
    const out = await me.send('POST', `${P}/my/courses/${c.id}/attempts`);
    expect(out.body).toMatchObject({ code: 'training.attempts_exhausted', params: { max: 3 } });
    expect((await my(me)).courses.find((x: { courseId: string }) => x.courseId === c.id).status).toBe(
      'failed',
    );
  });

  it('lets a lapsed certification be renewed, keeping one certification', async () => {
    const tech = await makeTechnician(w, refs.outletA, refs.categoryCode);
    const me = await w.as(tech.user);
    const c = await publishedCourse({ title: '短期课程', validityMonths: 1 });
    await assign(c.seriesId, { kind: 'technician', technicianIds: [tech.id] }, '2027-06-30');
    await readAll(me, c.id);
    expect((await attempt(me, c.id, RIGHT)).body.certification.expiresOn).toBe('2026-12-03');
    w.clock.set('2026-12-10T02:00:00.000Z');
    try {
      const view = (await my(me)).courses.find((x: { courseId: string }) => x.courseId === c.id);
      expect(view.status).toBe('in_progress');
      expect((await my(me)).certifications[0]).toMatchObject({ status: 'expired' });
      const renewed = await attempt(me, c.id, RIGHT);
      expect(renewed.body.certification.expiresOn).toBe('2027-01-10');
      const certs = (await admin.get(`/api/v1/technicians/${tech.id}`)).body.certifications;
      expect(certs).toHaveLength(1);
      expect(certs[0]).toMatchObject({ issuedOn: '2026-12-10', expiresOn: '2027-01-10' });
    } finally {
      w.clock.set(NOW);
    }
  });
});

describe('dispatch skill check', () => {
  it('shows the certification in the ranking and, when required, refuses a technician without a valid one', async () => {
    const certified = await makeTechnician(w, refs.outletA, refs.categoryCode);
    const lapsed = await makeTechnician(w, refs.outletA, refs.categoryCode);
    const c = await publishedCourse({ title: '派工资质', validityMonths: 1 });
    await assign(c.seriesId, { kind: 'technician', technicianIds: [certified.id, lapsed.id] }, '2027-06-30');
    for (const t of [lapsed, certified]) {
      const me = await w.as(t.user);
      await readAll(me, c.id);
      expect((await attempt(me, c.id, RIGHT)).body.passed).toBe(true);
      if (t === lapsed) w.clock.set('2026-12-10T02:00:00.000Z');
    }
    const o = (await admin.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
    const version = await forceState(w, o.id, { status: 'outlet_accepted', outlet_id: refs.outletA });
    try {
      const s = await managerA.get(`/api/v1/work-orders/${o.id}/technician-suggestions`);
      const byId = new Map(s.body.items.map((i: { technicianId: string }) => [i.technicianId, i]));
      expect(byId.get(certified.id)).toMatchObject({ eligible: true });
      expect((byId.get(certified.id) as { reasons: unknown[] }).reasons).toContainEqual({
        code: 'certified',
        params: { expiresOn: '2027-01-10' },
      });
      expect((byId.get(lapsed.id) as { reasons: unknown[] }).reasons).toContainEqual({
        code: 'cert_expired',
        params: { expiresOn: '2026-12-03' },
      });
      const policy = (await admin.get('/api/v1/settings/assignment.policy')).body;
      const put = await admin.send('PUT', '/api/v1/settings/assignment.policy', {
        value: { ...policy.value, certification: 'require' },
        version: policy.version,
      });
      expect(put.status).toBe(200);
      const again = await managerA.get(`/api/v1/work-orders/${o.id}/technician-suggestions`);
      const lapsedRow = again.body.items.find((i: { technicianId: string }) => i.technicianId === lapsed.id);
      expect(lapsedRow.eligible).toBe(false);
      const refused = await managerA.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'assigned',
        version,
        data: { technicianId: lapsed.id },
      });
      expect(refused.body).toMatchObject({
        code: 'assignment.uncertified',
        params: { category: refs.categoryCode, expiresOn: '2026-12-03' },
      });
      const ok = await managerA.send('POST', `/api/v1/work-orders/${o.id}/transitions`, {
        to: 'assigned',
        version,
        data: { technicianId: certified.id },
      });
      expect(ok.status).toBe(200);
      const back = (await admin.get('/api/v1/settings/assignment.policy')).body;
      await admin.send('PUT', '/api/v1/settings/assignment.policy', {
        value: { ...back.value, certification: 'prefer' },
        version: back.version,
      });
    } finally {
      w.clock.set(NOW);
    }
  });
});

describe('figures and permissions', () => {
  it('counts completion by outlet, scoped to an outlet manager', async () => {
    const all = (await quality.get(`${P}/figures`)).body;
    const a = all.byOutlet.find((o: { outletId: string }) => o.outletId === refs.outletA);
    expect(a.assigned).toBeGreaterThan(0);
    expect(a.passed).toBeGreaterThan(0);
    expect(a.averageScore).toBeGreaterThan(0);
    const mine = (await managerA.get(`${P}/figures`)).body;
    expect(mine.byOutlet.map((o: { outletId: string }) => o.outletId)).toEqual([refs.outletA]);
  });

  it('keeps each side to its permission', async () => {
    expect((await techA.send('POST', `${P}/courses`, course())).status).toBe(403);
    expect((await techA.get(`${P}/figures`)).status).toBe(403);
    expect((await agent.get(`${P}/courses`)).status).toBe(403);
    expect((await quality.get(`${P}/my`)).status).toBe(403);
    expect((await managerA.send('POST', `${P}/assignments`, {})).status).toBe(403);
    // An admin may learn but is no technician.
    expect((await admin.get(`${P}/my`)).body.code).toBe('training.not_a_technician');
    // Someone else's attempt does not exist for you.
    const c = await publishedCourse({ title: '他人试卷' });
    await assign(c.seriesId, { kind: 'technician', technicianIds: [refs.techA.id] });
    await readAll(techA, c.id);
    const a = await techA.send('POST', `${P}/my/courses/${c.id}/attempts`);
    expect(
      (await techB.send('POST', `${P}/my/attempts/${a.body.id}/submit`, { answers: RIGHT })).status,
    ).toBe(404);
    expect((await techB.send('POST', `${P}/my/courses/${c.id}/attempts`)).status).toBe(404);
  });
});
