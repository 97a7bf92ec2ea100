import type { Budget } from './budget.ts';
import { LocalSearch } from './local-search.ts';
import type { Model } from './model.ts';
import { Recreate, type RecreateLimits } from './recreate.ts';
import type { Rng } from './rng.ts';
import { StringRuin } from './ruin.ts';
import { Solution } from './solution.ts';

/** Everything a search phase needs; phases share the scratch solution and operators. */
export class SearchContext {
  readonly model: Model;
  readonly rng: Rng;
  readonly budget: Budget;
  readonly ruin: StringRuin;
  readonly recreate: Recreate;
  readonly localSearch: LocalSearch;
  readonly candidate: Solution;
  readonly onBest: (best: Solution) => void;

  constructor(model: Model, rng: Rng, budget: Budget, onBest: (best: Solution) => void) {
    this.model = model;
    this.rng = rng;
    this.budget = budget;
    this.ruin = new StringRuin(model);
    this.recreate = new Recreate(model);
    this.localSearch = new LocalSearch(model);
    this.candidate = new Solution(model);
    this.onBest = onBest;
  }

  /** One ruin-and-recreate step from `from` into the shared candidate. */
  step(from: Solution, limits: RecreateLimits): Solution {
    const cand = this.candidate;
    cand.copyFrom(from);
    this.ruin.apply(cand, this.rng);
    this.recreate.apply(cand, this.rng, limits);
    this.budget.iterations++;
    return cand;
  }
}
