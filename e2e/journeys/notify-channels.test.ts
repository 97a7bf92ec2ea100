import { describe, expect, it } from 'vitest';
import { shot, usePeople } from '../harness.ts';

const POLL = { timeout: 20_000 };

// 通知渠道 (issue #21 item 5): the admin edits the test message's template for the log channel,
// sees it rendered in the preview, sends a test message through the log channel and finds it in
// the delivery log. Each attempt writes a template text of its own, so a retry passes too.
const people = usePeople();
const { errors } = people;

describe('notification channels', () => {
  it('edits a template, sends a test message through the log channel and sees it in the delivery log', async () => {
    const stamp = `J${Date.now().toString(36)}`;
    const page = await people.open('admin');
    await page.goto(`${people.app.url}/settings/notify?tab=templates`);
    await page.getByTestId('notify-template-edit-notify.test').click(POLL);
    await page.getByTestId('notify-template-channel').getByText('开发日志（不外发）').click();
    const body = page.getByTestId('notify-template-body');
    await body.fill(`旅程测试 ${stamp}（渠道：{{channel}}）`);
    await expect
      .poll(async () => (await page.getByTestId('notify-template-preview').textContent()) ?? '', POLL)
      .toContain(`旅程测试 ${stamp}（渠道：[channel]）`);
    await shot(page, 'notify-template-drawer');
    await page.getByTestId('notify-template-save').click();
    await page.locator('.ant-message-success').waitFor(POLL);
    await page.keyboard.press('Escape');

    await page.goto(`${people.app.url}/settings/notify?tab=channels`);
    await page.getByTestId('notify-test-log').click(POLL);
    await page.getByTestId('notify-test-send').click();
    await page.locator('.ant-message-success').waitFor(POLL);

    await page.goto(`${people.app.url}/settings/notify?tab=deliveries`);
    const log = page.getByTestId('notify-deliveries');
    await expect
      .poll(async () => (await log.locator('tbody tr').first().textContent()) ?? '', POLL)
      .toMatch(/开发日志（不外发）.*测试消息.*已发送/);
    await shot(page, 'notify-deliveries');
    expect(errors).toEqual([]);
  });
});
