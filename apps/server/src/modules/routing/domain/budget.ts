export type StopReason = 'iterations' | 'time' | 'aborted';

/** Time, iteration and cancellation limits of one solve; progress is whichever limit is nearer. */
export class Budget {
  iterations = 0;
  stoppedBy: StopReason = 'iterations';
  private readonly clock: () => number;
  private readonly startedAt: number;
  private readonly timeLimitMs: number;
  private readonly maxIterations: number;
  private readonly aborted: () => boolean;

  constructor(clock: () => number, timeLimitMs: number, maxIterations: number, aborted: () => boolean) {
    this.clock = clock;
    this.startedAt = clock();
    this.timeLimitMs = timeLimitMs;
    this.maxIterations = maxIterations;
    this.aborted = aborted;
  }

  elapsedMs(): number {
    return this.clock() - this.startedAt;
  }

  /** Fraction of the budget used, in [0, 1]. */
  progress(): number {
    const byTime = this.elapsedMs() / this.timeLimitMs;
    const byIterations = this.iterations / this.maxIterations;
    return Math.min(1, Math.max(byTime, byIterations));
  }

  exhausted(): boolean {
    if (this.aborted()) this.stoppedBy = 'aborted';
    else if (this.iterations >= this.maxIterations) this.stoppedBy = 'iterations';
    else if (this.elapsedMs() >= this.timeLimitMs) this.stoppedBy = 'time';
    else return false;
    return true;
  }
}
