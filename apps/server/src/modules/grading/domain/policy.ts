import type { GradingPolicy } from '@anxin/contracts';

export const GRADING_POLICY_KEY = 'grading.policy';

/**
 * Defaults of the `grading.policy` setting (edited in the grading page, audited). Thresholds are
 * percent values: first-time fix follows the Aberdeen bands (best-in-class 88 %, laggards 63 %),
 * complaint rate the 10 % ceiling of the service evaluation.
 */
export const DEFAULT_GRADING_POLICY: GradingPolicy = {
  weights: {
    response: 15,
    arrival: 15,
    first_fix: 20,
    repeat_repair: 10,
    satisfaction: 20,
    complaint_rate: 10,
    attitude: 10,
  },
  thresholds: {
    response: { target: 95, floor: 70 },
    arrival: { target: 95, floor: 70 },
    first_fix: { target: 90, floor: 60 },
    repeat_repair: { target: 3, floor: 15 },
    satisfaction: { target: 95, floor: 70 },
    complaint_rate: { target: 1, floor: 10 },
    attitude: { target: 0, floor: 5 },
  },
  cutoffs: { A: 90, B: 75, C: 60 },
  minOrders: 10,
  runOnDay: 3,
};
