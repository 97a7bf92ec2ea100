import { describe, expect, it } from 'vitest';
import { apiAs, beijingDate, uniqueSuffix, type Api } from '../factories.ts';
import { chooseOption, shot, usePeople } from '../harness.ts';

// Training (issue #17 item 6): quality writes and publishes a course in the browser, assigns it to
// the demo technician, who reads the lessons and takes the quiz on the phone (a failed try, then a
// pass); the certification then shows on his 我的培训 profile and his technician record.
const POLL = { timeout: 20_000 };

async function api(username: string): Promise<Api> {
  const context = { request: await people.requestContext() };
  return apiAs(context.request, people.app.url, username);
}

const people = usePeople();
const { errors } = people;
const open = (username: string, viewport?: { width: number; height: number }) =>
  people.open(username, viewport ? { viewport } : {});

describe('training', () => {
  it('a technician completes a course and the certification appears on his profile', async () => {
    const title = `空调安装规范 ${uniqueSuffix()}`;
    const quality = await api('quality');
    const categories = await quality<{ items: { code: string; nameZh: string; active: boolean }[] }>(
      'GET',
      '/api/v1/catalog/categories',
    );
    const category = categories.items.find((c) => c.active)!;

    // Quality writes the course in the editor and publishes it.
    const desk = await open('quality');
    await desk.goto(`${people.app.url}/training`);
    await desk.getByTestId('course-new').click(POLL);
    await desk.getByTestId('course-title').fill(title);
    await chooseOption(desk, 'course-category', category.nameZh);
    await desk.getByTestId('lesson-title-0').fill('安装前检查');
    await desk.getByTestId('lesson-body-0').fill('核对机型与电源，确认承重墙与排水坡度。');
    await desk.getByTestId('question-text-0').fill('安装前必须确认什么？');
    await desk.getByTestId('option-0-0').fill('墙体承重与电源');
    await desk.getByTestId('option-0-1').fill('客户的职业');
    await desk.getByTestId('correct-0').getByText('A', { exact: true }).click();
    await shot(desk, 'training-editor');
    await desk.getByTestId('course-save').click();
    const drawer = desk.getByTestId('course-drawer');
    await drawer.waitFor(POLL);
    await drawer.getByTestId('course-publish').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click(POLL);
    await drawer.getByTestId('course-assign').waitFor(POLL);
    await shot(desk, 'training-course');

    // Assigned to the demo technician by name (the API the assign dialog uses).
    const tech = await api('technician');
    const me = await tech<{ technician: { id: string; name: string } }>('GET', '/api/v1/training/my');
    const course = (
      await quality<{ items: { id: string; seriesId: string; title: string }[] }>(
        'GET',
        '/api/v1/training/courses?status=published',
      )
    ).items.find((c) => c.title === title)!;
    await quality('POST', '/api/v1/training/assignments', {
      seriesId: course.seriesId,
      target: { kind: 'technician', technicianIds: [me.technician.id] },
      dueOn: beijingDate(14),
    });

    // On the phone: read the lesson, fail once, then pass.
    const phone = await open('technician', { width: 390, height: 844 });
    await phone.goto(`${people.app.url}/m/training`);
    const card = phone.getByTestId(`my-course-${course.id}`);
    await card.getByTestId('my-course-open').click(POLL);
    expect(await phone.getByTestId('quiz-start').isDisabled()).toBe(true);
    await phone.getByTestId('lesson-read-1').click(POLL);
    await phone.getByTestId('lesson-1').getByText('已学').waitFor(POLL);
    await shot(phone, 'training-phone-lessons');
    await phone.getByTestId('quiz-start').click(POLL);
    await phone.getByTestId('quiz-q-q1').getByText('客户的职业').click(POLL);
    await phone.getByTestId('quiz-submit').click();
    await phone.getByTestId('quiz-result').getByText('未通过').waitFor(POLL);
    await phone.getByRole('button', { name: '复习后再答' }).click();
    await phone.getByTestId('quiz-start').click(POLL);
    await phone.getByTestId('quiz-q-q1').getByText('墙体承重与电源').click(POLL);
    await shot(phone, 'training-phone-quiz');
    await phone.getByTestId('quiz-submit').click();
    const cert = phone.getByTestId('quiz-cert');
    await cert.waitFor(POLL);
    expect(await cert.innerText()).toContain(title);
    await shot(phone, 'training-phone-passed');
    await phone.getByTestId('quiz-done').click();

    // His profile: the certification, valid, in 我的资质 and on his technician record.
    const certs = phone.getByTestId('my-cert').filter({ hasText: title });
    await certs.first().waitFor(POLL);
    expect(await certs.first().innerText()).toContain('有效');
    await expect
      .poll(
        async () => (await phone.getByTestId(`my-course-${course.id}`).innerText()).includes('已通过'),
        POLL,
      )
      .toBe(true);
    await shot(phone, 'training-phone-profile');
    const admin = await api('admin');
    const record = await admin<{ certifications: { name: string; categoryCode: string; status: string }[] }>(
      'GET',
      `/api/v1/technicians/${me.technician.id}`,
    );
    expect(record.certifications).toContainEqual(
      expect.objectContaining({ name: title, categoryCode: category.code, status: 'valid' }),
    );

    // The figures count his pass.
    await desk.goto(`${people.app.url}/training?tab=figures`);
    await desk.getByTestId('training-completion-chart').waitFor(POLL);
    await shot(desk, 'training-figures');
    expect(errors).toEqual([]);
  });
});
