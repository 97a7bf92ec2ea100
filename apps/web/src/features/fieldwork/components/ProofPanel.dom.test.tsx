import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { ProofView } from '@anxin/contracts';
import { problem, renderPage } from '../../../test/dom.tsx';
import { ProofPanel } from './ProofPanel.tsx';

const PROOF = 'GET /api/v1/orders/wo-1/proof';
const visit: ProofView['visits'][number] = {
  id: 'v-1',
  departedAt: '2026-12-07T01:00:00.000Z',
  arrivedAt: '2026-12-07T01:30:00.000Z',
  arrival: { lat: 23.13, lng: 113.26, accuracyM: 10, distanceM: 40 },
  startedAt: '2026-12-07T01:35:00.000Z',
  diagnosis: null,
  work: { workDone: '更换排水泵', parts: [], at: '2026-12-07T02:00:00.000Z' },
  result: null,
  completedAt: null,
  completionMethod: null,
};
const proof = (visits: ProofView['visits']): ProofView => ({
  orderId: 'wo-1',
  visits,
  photos: [],
  signature: null,
  flags: [],
});

describe('service report button on the proof panel', () => {
  it('links the 维修单 PDF once the order has a visit', async () => {
    await renderPage(<ProofPanel orderId="wo-1" />, { api: { [PROOF]: proof([visit]) } });
    const pdf = await screen.findByTestId('service-report-pdf');
    expect(pdf.getAttribute('href')).toBe('/api/v1/work-orders/wo-1/service-report.pdf?locale=zh-CN');
    expect(pdf.textContent).toContain('下载维修单 (PDF)');
  });

  it('is worded in English for an English user', async () => {
    await renderPage(<ProofPanel orderId="wo-1" />, { api: { [PROOF]: proof([visit]) }, locale: 'en-US' });
    const pdf = await screen.findByTestId('service-report-pdf');
    expect(pdf.textContent).toContain('Service report (PDF)');
    expect(pdf.getAttribute('href')).toContain('locale=en-US');
  });

  it('is absent before any visit, and when the proof cannot be read', async () => {
    await renderPage(<ProofPanel orderId="wo-1" />, { api: { [PROOF]: proof([]) } });
    await screen.findByText('暂无现场记录');
    expect(screen.queryByTestId('service-report-pdf')).toBeNull();
  });

  it('is absent when the proof is refused (no permission)', async () => {
    await renderPage(<ProofPanel orderId="wo-1" />, { api: { [PROOF]: problem(403, 'auth.forbidden') } });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('service-report-pdf')).toBeNull();
  });
});
