import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiAs, beijingDate, coverageOf, uniqueSuffix } from '../factories.ts';
import { drawSignature, pickDate, shot, usePeople } from '../harness.ts';

// Delivery and installation (issue #16, seed 001): a store enters a sales contract (bad fields named),
// the warehouse checks the stock, the center books the delivery within the working-day window, the
// dispatcher plans the crews' day, the crew works the job on the phone (checklist, photo, the
// customer's signature), the voucher comes back and the installation callback closes it. The model,
// stock and crew are this journey's own; only the demo logins and 张伟 of GD001 are relied on.
const POLL = { timeout: 20_000 };
const OUTLET = 'GD001';
const TECHNICIAN = '张伟';
const PHOTO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/fault-photo.jpg');

const people = usePeople({ width: 1366, height: 900 });
const { errors } = people;
const open = (username: string, viewport?: { width: number; height: number }) =>
  people.open(username, viewport ? { viewport } : {});

describe('delivery and installation of a sales contract', () => {
  it('goes from contract entry through stock check, booking, route plan and the crew’s signature to the installation callback', async () => {
    const suffix = uniqueSuffix();
    const context = { request: await people.requestContext() };
    const admin = await apiAs(context.request, people.app.url, 'admin');
    const where = await coverageOf(admin, OUTLET, TECHNICIAN);
    const modelCode = `E2E-AC-${suffix}`;
    await admin('POST', '/api/v1/catalog/models', {
      brand: '安心',
      categoryCode: where.categoryCode,
      modelCode,
      name: `挂式空调 ${suffix}`,
    });
    // A context of its own: one cookie jar holds one session.
    const warehouseContext = { request: await people.requestContext() };
    const warehouseApi = await apiAs(warehouseContext.request, people.app.url, 'warehouse');
    await warehouseApi('POST', '/api/v1/sales/stock/receipts', {
      model: modelCode,
      productName: '挂式空调',
      quantity: 1,
    });
    // The crew: 张伟 of GD001 leads it (the demo technician login).
    const techs = await admin<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/v1/technicians?q=${encodeURIComponent(TECHNICIAN)}&outletId=${where.outletId}`,
    );
    const lead = techs.items.find((x) => x.name === TECHNICIAN)!;
    const crewName = `送装${suffix.slice(-4)}组`;
    await admin('POST', '/api/v1/delivery/crews', {
      name: crewName,
      leaderTechnicianId: lead.id,
      memberTechnicianIds: [],
    });

    // --- the store enters the contract; a bad one is refused with every missing field named
    const store = await open('outlet_manager');
    await store.goto(`${people.app.url}/sales`);
    await store.getByTestId('sales-new').click(POLL);
    const contractNo = `HT${suffix}`;
    await store.getByTestId('sales-f-contractNo').fill(contractNo);
    await store.getByTestId('sales-contract-save').click();
    const form = store.getByTestId('sales-contract-form');
    await form.locator('.ant-form-item-explain-error').first().waitFor(POLL);
    expect(await form.locator('.ant-form-item-explain-error').count()).toBeGreaterThanOrEqual(5);
    await store.getByTestId('sales-f-salesperson').fill('导购 黄磊');
    await store.getByTestId('sales-f-customerName').fill(`周建国${suffix.slice(-3)}`);
    await store.getByTestId('sales-f-phone-0').fill(`1371${suffix.slice(-7).padStart(7, '0')}`);
    await store.getByTestId('sales-f-regionCode').fill(where.district);
    await store.getByTestId('sales-f-address').fill('天河路 385 号 1802');
    await pickDate(store, 'sales-f-requestedDate', beijingDate(2));
    await store.getByTestId('sales-f-special').fill('上门前一小时电话联系，电梯需预约');
    await store.getByTestId('sales-f-line-0-model').fill(modelCode);
    await store.getByTestId('sales-f-line-0-name').fill('挂式空调');
    await store.getByTestId('sales-f-line-0-category').fill(where.categoryCode);
    await store.getByTestId('sales-f-line-0-price').fill('3999');
    await store.getByTestId('sales-contract-save').click();
    await store.getByTestId('sales-drawer').getByText(contractNo).first().waitFor(POLL);

    // --- the warehouse checks the stock: the unit is reserved, the goods date known
    const warehouse = await open('warehouse');
    await warehouse.goto(`${people.app.url}/sales${new URL(store.url()).search}`);
    await warehouse.getByTestId('sales-check-stock').click(POLL);
    const available = warehouse.getByTestId('sales-available-date');
    await expect.poll(() => available.textContent(), POLL).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const date = (await available.textContent())!;

    // --- the center books it with the customer inside the window
    const agent = await open('agent');
    await agent.goto(`${people.app.url}/delivery?tab=contracts`);
    await agent.getByTestId(`book-${contractNo}`).click(POLL);
    await agent.getByTestId('book-window').waitFor(POLL);
    await agent.getByTestId('book-crew').click();
    await agent.locator('.ant-select-dropdown').getByText(crewName).click();
    await shot(agent, 'delivery-book');
    await agent.getByTestId('book-submit').click();
    await agent.getByTestId('delivery-tab-bookings').click();
    await agent.getByTestId('delivery-bookings').getByText(contractNo).waitFor(POLL);
    const booking = (
      await admin<{ items: { id: string; number: string; contractNo: string; date: string }[] }>(
        'GET',
        '/api/v1/delivery/bookings?limit=200',
      )
    ).items.find((b) => b.contractNo === contractNo)!;
    expect(booking.date).toBe(date);

    // --- the dispatcher plans the crews' day with the route optimiser
    const dispatcher = await open('dispatcher');
    await dispatcher.goto(`${people.app.url}/delivery?tab=plan`);
    await dispatcher.getByTestId('plan-day').waitFor(POLL);
    const planInput = dispatcher.locator('.ant-picker input').first();
    await planInput.click();
    await planInput.fill(date);
    await planInput.press('Enter');
    await dispatcher.getByTestId('plan-day').click();
    await dispatcher.getByTestId(`route-${crewName}`).getByText(booking.number).waitFor(POLL);
    await shot(dispatcher, 'delivery-plan');

    // --- the crew on the phone: checklist, photo, the customer's signature
    const phone = await open('technician', { width: 390, height: 844 });
    await phone.goto(`${people.app.url}/m/deliveries`);
    await phone.getByTestId(`crew-tab-${date <= beijingDate(0) ? 'today' : 'upcoming'}`).click(POLL);
    await phone.getByTestId(`crew-job-${booking.number}`).click(POLL);
    await phone.getByTestId('check-calledAhead').click(POLL);
    await shot(phone, 'delivery-phone-depart');
    await phone.getByTestId('step-depart').click();
    // One box left unticked: the step is refused, naming it.
    await phone.getByTestId('problem-alert').waitFor(POLL);
    await phone.getByTestId('check-inspectedBeforeLoading').click();
    await phone.getByTestId('step-depart').click();
    await phone.getByTestId('step-deliver').waitFor(POLL);
    await phone.locator('input[type=file]').setInputFiles(PHOTO);
    await phone.locator('.ant-image').first().waitFor(POLL);
    for (const c of ['shoeCovers', 'assembledOnPackaging', 'cleanedUp'])
      await phone.getByTestId(`check-${c}`).click();
    await phone.getByTestId(`serial-${modelCode}`).fill(`AC${suffix}01`);
    await drawSignature(phone);
    await phone.getByTestId('signature-image').waitFor(POLL);
    await shot(phone, 'delivery-phone-deliver');
    await phone.getByTestId('step-deliver').click();
    await phone.getByTestId('delivery-status-delivered').waitFor(POLL);

    // --- the voucher comes back to the service department, then the installation callback
    await agent.goto(`${people.app.url}/delivery?tab=bookings`);
    await agent.getByTestId('delivery-bookings').getByText(booking.number).click(POLL);
    const drawer = agent.getByTestId('delivery-drawer');
    await drawer.getByTestId('action-return_voucher').click(POLL);
    await drawer.getByTestId('step-submit-return_voucher').click();
    await drawer.getByTestId('delivery-status-voucher_returned').waitFor(POLL);
    await drawer.getByTestId('action-record_callback').click(POLL);
    await drawer.getByTestId('callback-rate').locator('.ant-rate-star').nth(4).click();
    await shot(agent, 'delivery-callback');
    await drawer.getByTestId('step-submit-record_callback').click();
    await drawer.getByTestId('delivery-status-closed').waitFor(POLL);
    await shot(agent, 'delivery-drawer-closed');
    const done = await admin<{ installedProductIds: string[]; satisfaction: number }>(
      'GET',
      `/api/v1/delivery/bookings/${booking.id}`,
    );
    expect(done.satisfaction).toBe(5);
    await expect
      .poll(
        async () =>
          (await admin<{ installedProductIds: string[] }>('GET', `/api/v1/delivery/bookings/${booking.id}`))
            .installedProductIds.length,
        POLL,
      )
      .toBe(1);

    // --- the figures, and the same desk in English
    await agent.keyboard.press('Escape');
    await agent.getByTestId('delivery-tab-figures').click();
    await agent.getByTestId('figures-month').click();
    await agent.getByTestId('figures-month').fill(date.slice(0, 7));
    await agent.getByTestId('figures-month').press('Enter');
    await agent.getByTestId('figure-onTime').waitFor(POLL);
    await shot(agent, 'delivery-figures');
    await agent.getByTestId('locale-switch').click();
    await agent.getByTestId('locale-en-US').click();
    await agent.getByText('On-time delivery').first().waitFor(POLL);
    await shot(agent, 'delivery-figures-en');
    expect(errors).toEqual([]);
  }, 300_000);
});
