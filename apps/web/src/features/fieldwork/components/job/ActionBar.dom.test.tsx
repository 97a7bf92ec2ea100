import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { FieldJobDetail } from '@anxin/contracts';
import { problem, renderPage } from '../../../../test/dom.tsx';
import { ActionBar } from './ActionBar.tsx';

const JOB = { id: 'wo-1' } as FieldJobDetail;

describe('completing a job', () => {
  it('explains in words that reserved parts must be confirmed or returned first', async () => {
    const { user, api } = await renderPage(
      <ActionBar job={JOB} status="in_progress" code="123456" onCodeSent={() => {}} />,
      {
        api: {
          'POST /api/v1/field/jobs/wo-1/complete': problem(409, 'parts.unconsumed_reservations', {
            params: { count: 2 },
          }),
        },
      },
    );
    await user.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(api.requests('POST /api/v1/field/jobs/wo-1/complete')).toHaveLength(1));
    expect(await screen.findByText('还有 2 项预留备件未确认使用或退回，请先处理再完工。')).toBeTruthy();
    expect(screen.queryByText(/server detail/)).toBeNull();
  });
});
