import { describe, expect, it } from 'vitest';
import { render } from '../../../../test/render.tsx';
import { TimelineText } from './TimelineText.tsx';

describe('portal timeline times', () => {
  it('shows Beijing time whatever the device zone (16:30 UTC is 00:30 the next day in Beijing)', async () => {
    const html = await render(
      <TimelineText
        e={{
          id: 'e1',
          kind: 'created',
          at: '2026-12-06T16:30:00.000Z',
          to: null,
          window: null,
          byCustomer: true,
          reason: null,
        }}
      />,
    );
    expect(html).toContain('12月7日');
    expect(html).toContain('00:30');
  });
});
