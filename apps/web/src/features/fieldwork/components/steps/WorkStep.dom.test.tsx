import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { FieldJobDetail } from '@anxin/contracts';
import { renderPage } from '../../../../test/dom.tsx';
import { WorkStep } from './WorkStep.tsx';

const JOB = { id: 'wo-work-1', visit: null } as unknown as FieldJobDetail;
const SAVE = 'POST /api/v1/field/jobs/wo-work-1/work';

describe('work step', () => {
  it('saves what was done with no free-text parts (parts live in the parts panel)', async () => {
    const { user, api } = await renderPage(<WorkStep job={JOB} />, { api: { [SAVE]: { id: 'wo-work-1' } } });
    expect(screen.queryByTestId('part-add')).toBeNull();
    await user.type(screen.getByTestId('work-done'), '更换启动电容');
    await user.click(screen.getByTestId('work-submit'));
    await waitFor(() => expect(api.requests(SAVE)).toHaveLength(1));
    expect(api.requests(SAVE)[0]!.body).toEqual({ workDone: '更换启动电容', parts: [] });
  });
});
