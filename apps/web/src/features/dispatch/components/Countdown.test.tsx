import { describe, expect, it } from 'vitest';
import { render, tagOf, textOf } from '../../../test/render.tsx';
import { SlaTag } from '../../workorders/index.ts';
import { SlaCountdown } from './Countdown.tsx';

describe('SLA state that cannot be computed', () => {
  it('the dispatch board shows 无法计算 / Cannot compute, never on track', async () => {
    const zh = await render(<SlaCountdown state="unknown" dueAt={null} />);
    expect(tagOf(zh, 'dispatch-sla')).toContain('data-state="unknown"');
    expect(textOf(zh)).toContain('无法计算');
    const en = await render(<SlaCountdown state="unknown" dueAt={null} />, 'en-US');
    expect(textOf(en)).toContain('Cannot compute');
    // A clock with a deadline still shows its countdown state.
    const ok = await render(<SlaCountdown state="on_track" dueAt={null} />);
    expect(textOf(ok)).not.toContain('无法计算');
  });

  it('the order lists tag it in both locales', async () => {
    const zh = await render(<SlaTag state="unknown" dueAt={null} />);
    expect(textOf(zh)).toContain('无法计算');
    const en = await render(<SlaTag state="unknown" dueAt={null} />, 'en-US');
    expect(textOf(en)).toContain('Cannot compute');
  });
});
