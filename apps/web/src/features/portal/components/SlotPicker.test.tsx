import { describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { VisitSlots } from '@anxin/contracts';
import { render, testIds, textOf } from '../../../test/render.tsx';
import { VISIT_SLOTS_QUERY_KEY } from '../../workorders/index.ts';
import { SlotPicker } from './SlotPicker.tsx';

/** The picker as the portal shows it once GET /api/v1/visit-slots answered `served`. */
function picker(served: VisitSlots) {
  const qc = new QueryClient();
  qc.setQueryData(VISIT_SLOTS_QUERY_KEY, served);
  return (
    <QueryClientProvider client={qc}>
      <SlotPicker value={[]} onChange={() => undefined} max={3} testId="portal-request-slot" />
    </QueryClientProvider>
  );
}

const slotIds = (html: string) => testIds(html, 'portal-request-slot-').filter((id) => !id.includes('-day-'));

describe('portal slot picker', () => {
  it('offers the served slots, labelled by part of the day in both locales', async () => {
    const served = {
      slots: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
        { start: '18:00', end: '21:00' },
      ],
    };
    const zh = await render(picker(served));
    expect(slotIds(zh)).toEqual([
      'portal-request-slot-morning',
      'portal-request-slot-afternoon',
      'portal-request-slot-evening',
    ]);
    expect(textOf(zh)).toContain('上午 09:00–12:00');
    expect(textOf(zh)).toContain('晚上 18:00–21:00');
    expect(textOf(await render(picker(served), 'en-US'))).toContain('Afternoon 13:00–18:00');
  });

  it('follows a changed setting, numbering several slots in one part of the day', async () => {
    const html = await render(
      picker({
        slots: [
          { start: '08:00', end: '10:00' },
          { start: '10:00', end: '12:00' },
          { start: '14:00', end: '16:00' },
        ],
      }),
    );
    expect(slotIds(html)).toEqual([
      'portal-request-slot-morning-1',
      'portal-request-slot-morning-2',
      'portal-request-slot-afternoon',
    ]);
    expect(textOf(html)).toContain('上午 10:00–12:00');
    expect(textOf(html)).not.toContain('18:00');
  });
});
