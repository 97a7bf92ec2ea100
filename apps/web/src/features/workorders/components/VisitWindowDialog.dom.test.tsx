import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fieldErrors, problem, renderPage, type Routes } from '../../../test/dom.tsx';
import { useAppointment } from '../api.ts';
import { VisitWindowDialog, type WindowOrder } from './VisitWindowDialog.tsx';

const ORDER: WindowOrder = { id: 'wo-1', version: 3, appointment: null, preferredWindows: [] };
const SLOTS = {
  slots: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
};
const SAVE = 'POST /api/v1/work-orders/wo-1/appointment';

/** The dialog as the work-order detail page uses it: saving through the appointment mutation. */
function Harness({ onDone }: { onDone: (w: { start: string; end: string }) => void }) {
  const save = useAppointment();
  return (
    <VisitWindowDialog
      order={ORDER}
      save={save}
      requireReason={false}
      title="约定上门时间"
      testId="appointment"
      onClose={() => {}}
      onDone={onDone}
    />
  );
}

const open = (api: Routes, locale: 'zh-CN' | 'en-US' = 'zh-CN') => {
  const onDone = vi.fn();
  return { onDone, page: renderPage(<Harness onDone={onDone} />, { api, locale }) };
};

/** Picks a day in the date picker's calendar, as a user clicks it. */
async function pickDate(user: Awaited<ReturnType<typeof renderPage>>['user'], day: string) {
  await user.click(screen.getByTestId('appointment-date'));
  const cell = await waitFor(() => {
    const td = document.querySelector<HTMLElement>(`td[title="${day}"]`);
    if (!td) throw new Error(`no calendar cell ${day}`);
    return td;
  });
  await user.click(cell);
}

/** Waits until the first offered slot is preselected (an effect once the slots have arrived). */
const firstSlotChosen = () =>
  waitFor(() => {
    const first = screen.getByRole('radio', { name: '上午 09:00–12:00' }) as HTMLInputElement;
    expect(first.checked).toBe(true);
  });

describe('visit window dialog', () => {
  beforeEach(() => {
    // Only the clock is fake (timers stay real for user-event): "today" is 2026-12-07 in Beijing.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T02:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('offers the slots the server lists and saves the chosen date and slot as a Beijing window', async () => {
    const { page, onDone } = open({
      'GET /api/v1/visit-slots': SLOTS,
      [SAVE]: { id: 'wo-1', version: 4 },
    });
    const { user, api } = await page;
    const slots = await screen.findByRole('radiogroup');
    await within(slots).findByText('上午 09:00–12:00');
    expect(within(slots).getAllByRole('radio')).toHaveLength(2);
    // The first offered slot is preselected for a new appointment (once the slots have arrived).
    await firstSlotChosen();

    await pickDate(user, '2026-12-10');
    await user.click(screen.getByRole('radio', { name: '下午 14:00–18:00' }));
    await user.click(screen.getByTestId('appointment-confirm'));

    await waitFor(() => expect(api.requests(SAVE)).toHaveLength(1));
    expect(api.requests(SAVE)[0]!.body).toEqual({
      start: '2026-12-10T14:00:00+08:00',
      end: '2026-12-10T18:00:00+08:00',
      version: 3,
    });
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({
        start: '2026-12-10T14:00:00+08:00',
        end: '2026-12-10T18:00:00+08:00',
      }),
    );
  });

  it('says when no slot is offered and does not let the user save', async () => {
    const { page } = open({ 'GET /api/v1/visit-slots': { slots: [] } });
    await page;
    expect((await screen.findByText('暂无可选的上门时段')).textContent).toBe('暂无可选的上门时段');
    expect((screen.getByTestId('appointment-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a refusal of the window beside the date, in words, and stays open', async () => {
    const { page, onDone } = open({
      'GET /api/v1/visit-slots': SLOTS,
      [SAVE]: problem(422, 'workorder.appointment_locked', {
        params: { status: 'completed' },
        errors: [{ path: 'start', rule: 'workorder.appointment_locked' }],
      }),
    });
    const { user } = await page;
    await firstSlotChosen();
    await user.click(screen.getByTestId('appointment-confirm'));

    const form = screen.getByTestId('appointment-form');
    await waitFor(() => expect(fieldErrors('日期', form)).toEqual(['当前状态下不能修改预约。']));
    expect(fieldErrors('时段', form)).toEqual([]);
    expect(document.body.textContent).not.toContain('server detail');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('speaks English to an English user', async () => {
    const { page } = open({ 'GET /api/v1/visit-slots': SLOTS }, 'en-US');
    await page;
    await screen.findByRole('radio', { name: 'Afternoon 14:00–18:00' });
    expect(screen.getByText('Date').tagName).toBe('LABEL');
    expect(screen.queryByText('日期')).toBeNull();
  });
});
