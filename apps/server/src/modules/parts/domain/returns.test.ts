import { describe, expect, it } from 'vitest';
import { OLD_PART_STATUSES } from '@anxin/contracts';
import { isPayable, nextOldPartStatus, OLD_PART_TRANSITIONS, type OldPartAction } from './returns.ts';

describe('旧件 state machine', () => {
  it('ship → receive → pass or reject, nothing else', () => {
    expect(nextOldPartStatus('awaiting_return', 'ship')).toEqual({ ok: true, to: 'in_transit' });
    expect(nextOldPartStatus('in_transit', 'receive')).toEqual({ ok: true, to: 'received' });
    expect(nextOldPartStatus('received', 'pass')).toEqual({ ok: true, to: 'passed' });
    expect(nextOldPartStatus('received', 'reject')).toEqual({ ok: true, to: 'rejected' });
    const actions = Object.keys(OLD_PART_TRANSITIONS) as OldPartAction[];
    let allowed = 0;
    for (const from of OLD_PART_STATUSES)
      for (const a of actions) {
        const r = nextOldPartStatus(from, a);
        if (r.ok) allowed++;
        else expect(r.refusal).toMatchObject({ code: 'state.invalid_transition', params: { from } });
      }
    expect(allowed).toBe(4);
  });

  it('passed and rejected are final; only passed pays', () => {
    expect(nextOldPartStatus('passed', 'reject').ok).toBe(false);
    expect(nextOldPartStatus('rejected', 'pass').ok).toBe(false);
    expect(nextOldPartStatus('awaiting_return', 'pass').ok).toBe(false);
    expect(OLD_PART_STATUSES.filter(isPayable)).toEqual(['passed']);
  });
});
