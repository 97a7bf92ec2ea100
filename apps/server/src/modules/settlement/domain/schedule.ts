import type { FeeSchedule } from '@anxin/contracts';

export const FEE_SCHEDULE_KEY = 'settlement.fee_schedule';

/** Defaults of the `settlement.fee_schedule` setting (edited on /settlement by finance, audited). */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  baseFees: [
    { orderType: 'install', categoryCode: '*', feeFen: 8000 },
    { orderType: 'repair', categoryCode: '*', feeFen: 6000 },
    { orderType: 'maintenance', categoryCode: '*', feeFen: 5000 },
    { orderType: 'return', categoryCode: '*', feeFen: 3000 },
  ],
  distanceBands: [
    { upToKm: 15, surchargeFen: 0 },
    { upToKm: 30, surchargeFen: 2000 },
    { upToKm: 60, surchargeFen: 4000 },
    { upToKm: null, surchargeFen: 8000 },
  ],
  remoteRegionCodes: [],
  remoteSurchargeFen: 3000,
  partsPerLineFen: 1000,
  gradeCoefficients: { A: 1.1, B: 1.0, C: 0.9, D: 0.8 },
  classDeductionFen: {
    callback_unsatisfied: 0,
    complaint_call: 0,
    first_fix_failed: 3000,
    repeat_failed: 5000,
    attitude: 2000,
  },
  complaintDeductionFen: 10000,
  satisfiedBonusFen: 500,
  settlementStartDate: null,
};
