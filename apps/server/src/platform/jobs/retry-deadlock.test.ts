import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from './retry-deadlock.ts';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
const noPause = () => Promise.resolve();

describe('retryOnDeadlock', () => {
  it('tries again after a deadlock and returns the result', async () => {
    let calls = 0;
    const r = await retryOnDeadlock(
      async () => {
        calls++;
        if (calls < 3) throw deadlock();
        return 'created';
      },
      5,
      noPause,
    );
    expect(r).toBe('created');
    expect(calls).toBe(3);
  });
  it('throws any other error at once', async () => {
    let calls = 0;
    const other = Object.assign(new Error('permission denied'), { code: '42501' });
    await expect(
      retryOnDeadlock(
        async () => {
          calls++;
          throw other;
        },
        5,
        noPause,
      ),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });
  it('gives up after the last attempt', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(
        async () => {
          calls++;
          throw deadlock();
        },
        3,
        noPause,
      ),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(3);
  });
});
