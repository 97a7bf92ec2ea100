import {
  CareFiguresPolicySchema,
  DEFAULT_CAREFIGURES_POLICY,
  type CareFiguresPolicy,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const CAREFIGURES_POLICY_KEY = 'carefigures.policy';

export const CAREFIGURES_SETTINGS = [
  defineSetting({
    key: CAREFIGURES_POLICY_KEY,
    module: 'carefigures',
    schema: CareFiguresPolicySchema,
    default: DEFAULT_CAREFIGURES_POLICY,
    read: 'report:read',
    write: 'settings:manage',
    label: 'settings.keys.carefigures.policy',
  }),
];

export async function careFiguresPolicy(db: Db): Promise<CareFiguresPolicy> {
  return (await readSetting(db, CAREFIGURES_POLICY_KEY, CareFiguresPolicySchema, DEFAULT_CAREFIGURES_POLICY))
    .value;
}
