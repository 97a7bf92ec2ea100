import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderPage } from '../../../test/dom.tsx';
import { RedoBanner } from './RedoBanner.tsx';

describe('redo banner', () => {
  it('says which redo, why in words, and the visit that did not hold (Beijing time)', async () => {
    await renderPage(
      <RedoBanner
        redo={{
          kind: 'redo',
          count: 2,
          reason: 'callback_unsatisfied_redo: 仍然漏水',
          at: '2026-12-06T02:00:00.000Z',
          previousVisit: {
            technicianId: 't1',
            technicianName: '张伟',
            completedAt: '2026-12-05T07:30:00.000Z',
          },
        }}
      />,
    );
    expect(await screen.findByText('返修 第 2 次')).toBeTruthy();
    const text = screen.getByTestId('redo-banner').textContent!;
    expect(text).toContain('回访不满意，返工');
    expect(text).toContain('仍然漏水');
    expect(text).not.toContain('callback_unsatisfied_redo');
    expect(text).toContain('上次上门：张伟，12-05 15:30 完工');
  });

  it("shows the job card the last visit's diagnosis, work and parts", async () => {
    await renderPage(
      <RedoBanner
        compact
        redo={{
          kind: 'redo',
          count: 1,
          reason: 'callback_unsatisfied_redo: 仍然漏水',
          at: '2026-12-06T02:00:00.000Z',
          previousVisit: null,
        }}
        previousVisit={{
          id: 'v1',
          departedAt: '2026-12-05T05:00:00.000Z',
          arrivedAt: '2026-12-05T05:30:00.000Z',
          arrival: null,
          startedAt: '2026-12-05T05:35:00.000Z',
          diagnosis: {
            faultCodeId: null,
            symptomCodes: [],
            findings: '排水泵堵塞',
            at: '2026-12-05T05:40:00.000Z',
          },
          work: {
            workDone: '清理排水泵',
            parts: [{ name: '排水管', quantity: 1 }],
            at: '2026-12-05T06:40:00.000Z',
          },
          result: null,
          completedAt: '2026-12-05T07:30:00.000Z',
          completionMethod: null,
        }}
      />,
    );
    const text = (await screen.findByTestId('redo-banner')).textContent!;
    expect(text).toContain('上次诊断：排水泵堵塞');
    expect(text).toContain('上次维修：清理排水泵');
    expect(text).toContain('上次用件：排水管 ×1');
  });

  it('shows nothing for an order never sent back', async () => {
    await renderPage(<RedoBanner redo={null} />);
    expect(screen.queryByTestId('redo-banner')).toBeNull();
  });
});
