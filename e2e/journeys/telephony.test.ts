import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiAs, coverageOf, createCaller, uniqueSuffix } from '../factories.ts';
import { shot, usePeople } from '../harness.ts';

// Incoming-call pop (来电弹屏, issue #21 item 4): the admin sets the secret shared with the call
// platform; the journey, as the platform, posts a signed `ringing` event for its own new customer's
// number to the agent; the agent's console pops the caller with the name, takes the call into the
// order form, and the pop goes when the platform posts `ended`.
const POLL = { timeout: 30_000 };
const SECRET = 'e2e-telephony-secret';

const people = usePeople({ width: 1440, height: 900 });
const { errors } = people;

describe('incoming call pop', () => {
  it('pops a signed ringing call on the agent console and takes it into a new order', async () => {
    const suffix = uniqueSuffix();
    const admin = await apiAs(await people.requestContext(), people.app.url, 'admin');
    const where = await coverageOf(admin, 'GD001');
    const caller = await createCaller(admin, {
      district: where.district,
      categoryCode: where.categoryCode,
      suffix,
    });
    const cur = await admin<{ version: number; value: Record<string, unknown> }>(
      'GET',
      '/api/v1/settings/telephony.policy',
    );
    await admin('PUT', '/api/v1/settings/telephony.policy', {
      version: cur.version,
      value: { ...cur.value, secret: SECRET },
    });

    // The call platform: no session, the signature only.
    const platform = await people.requestContext();
    const send = (body: unknown, secret = SECRET) => {
      const raw = JSON.stringify(body);
      const ts = String(Math.floor(Date.now() / 1000));
      const mac = createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex');
      return platform.post(`${people.app.url}/api/v1/telephony/events`, {
        headers: {
          'content-type': 'application/json',
          'x-telephony-timestamp': ts,
          'x-telephony-signature': `sha256=${mac}`,
        },
        data: raw,
      });
    };

    const page = await people.open('agent');
    await page.goto(`${people.app.url}/agent`);
    await page.getByTestId('caller-number').waitFor(POLL);

    const callId = `e2e-call-${suffix}`;
    const forged = await send(
      { kind: 'ringing', callId, from: caller.phone, agent: 'agent', at: new Date().toISOString() },
      'wrong',
    );
    expect(forged.status()).toBe(401);
    const ring = await send({
      kind: 'ringing',
      callId,
      from: caller.phone,
      agent: 'agent',
      at: new Date().toISOString(),
    });
    expect(ring.status()).toBe(200);

    const pop = page.getByTestId('incoming-call').filter({ hasText: caller.phone });
    await pop.waitFor(POLL);
    expect(await pop.getByTestId('incoming-customer').innerText()).toBe(caller.name);
    await shot(page, 'telephony-pop-zh');

    await pop.getByRole('button', { name: '以此来电新建工单' }).click();
    await page.getByTestId('customer-panel').waitFor(POLL);
    expect(await page.getByTestId('customer-name').textContent()).toBe(caller.name);
    await page.getByTestId('order-form').waitFor(POLL);
    expect(await page.getByTestId('caller-number').inputValue()).toBe(caller.phone);
    await shot(page, 'telephony-form-zh');

    // Click-to-call from the console: the call platform is asked to dial (the development dialer logs).
    await page.getByTestId('click-to-call').click();
    await page.getByText('已请求外呼，请留意话机').waitFor(POLL);

    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByRole('button', { name: 'New order from this call' }).waitFor(POLL);
    await shot(page, 'telephony-pop-en');

    const ended = await send({
      kind: 'ended',
      callId,
      at: new Date().toISOString(),
      waitSeconds: 5,
      talkSeconds: 40,
      abandoned: false,
    });
    expect(ended.status()).toBe(200);
    await pop.waitFor({ state: 'detached', ...POLL });
    expect(errors).toEqual([]);
  }, 300_000);
});
