export type StopReason = 'iterations' | 'time' | 'aborted';

/**
 * Time, iteration and cancellation limits of one solve. Progress (which drives temperatures and
 * phases) counts iterations when there is an iteration budget, so such runs are reproducible unless
 * the time limit cuts them short; otherwise it counts time.
 */
export class Budget {
  iterations = 0;
  stoppedBy: StopReason = 'iterations';
  private readonly clock: () => number;
  private readonly startedAt: number;
  private readonly timeLimitMs: number;
  private readonly maxIterations: number;
  private readonly aborted: () => boolean;

  constructor(
    clock: () => number,
    startedAt: number,
    limits: { timeLimitMs: number; maxIterations: number },
    aborted: () => boolean,
  ) {
    const { timeLimitMs, maxIterations } = limits;
    this.clock = clock;
    this.startedAt = startedAt;
    this.timeLimitMs = timeLimitMs;
    this.maxIterations = maxIterations;
    this.aborted = aborted;
  }

  elapsedMs(): number {
    return this.clock() - this.startedAt;
  }

  /** Fraction of the budget used, in [0, 1]. */
  progress(): number {
    const used = Number.isFinite(this.maxIterations)
      ? this.iterations / this.maxIterations
      : this.elapsedMs() / this.timeLimitMs;
    return Math.min(1, used);
  }

  exhausted(): boolean {
    if (this.aborted()) this.stoppedBy = 'aborted';
    else if (this.iterations >= this.maxIterations) this.stoppedBy = 'iterations';
    else if (this.elapsedMs() >= this.timeLimitMs) this.stoppedBy = 'time';
    else return false;
    return true;
  }
}
