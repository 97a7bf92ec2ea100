import {
  DEFAULT_FAULT_ANALYSIS_POLICY,
  FaultAnalysisPolicySchema,
  type FaultAnalysisPolicy,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const FAULT_ANALYSIS_POLICY_KEY = 'faultanalysis.policy';

export const FAULT_ANALYSIS_SETTINGS = [
  defineSetting({
    key: FAULT_ANALYSIS_POLICY_KEY,
    module: 'faultanalysis',
    schema: FaultAnalysisPolicySchema,
    default: DEFAULT_FAULT_ANALYSIS_POLICY,
    read: 'fault_analysis:read',
    write: 'settings:manage',
    label: 'settings.keys.faultanalysis.policy',
  }),
];

export async function faultAnalysisPolicy(db: Db): Promise<FaultAnalysisPolicy> {
  return (
    await readSetting(db, FAULT_ANALYSIS_POLICY_KEY, FaultAnalysisPolicySchema, DEFAULT_FAULT_ANALYSIS_POLICY)
  ).value;
}
