/** PostgreSQL's SQLSTATE for "deadlock detected": the server rolled this statement back. */
const DEADLOCK = '40P01';

/**
 * Runs `fn` again when PostgreSQL reports a deadlock. Nodes that start together create their job
 * queues at the same moment, and pg-boss creates each queue's partition with DDL; two nodes doing
 * that on overlapping queues can deadlock, and PostgreSQL then aborts one of them. The aborted
 * statement changed nothing, so trying again after a short, jittered pause is safe; any other
 * error, or a deadlock on the last attempt, is thrown.
 */
export async function retryOnDeadlock<T>(
  fn: () => Promise<T>,
  attempts = 5,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (code !== DEADLOCK || attempt >= attempts) throw err;
      await pause(50 * attempt + Math.floor(Math.random() * 100));
    }
  }
}
