import { describe, expect, it } from 'vitest';
import {
  ONLINE_EXCLUSIONS,
  POLICY_KINDS,
  POLICY_PARAM_SCHEMAS,
  REMEDIES,
  COST_PARTIES,
  WARRANTY_RULE_CODES,
} from '@anxin/contracts';
import { warrantyEnUS } from './locales/en-US.ts';
import { warrantyZhCN } from './locales/zh-CN.ts';

const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

// Every rule code the engine emits has a sentence in both languages, with the same parameters.
describe('warranty words', () => {
  it('words every rule code in zh-CN and en-US with the same parameters', () => {
    for (const code of WARRANTY_RULE_CODES) {
      const zh = (warrantyZhCN.rule as Record<string, string>)[code];
      const en = (warrantyEnUS.rule as Record<string, string>)[code];
      expect(zh, code).toBeTruthy();
      expect(en, code).toBeTruthy();
      expect(placeholders(en!), code).toEqual(placeholders(zh!));
    }
    expect(Object.keys(warrantyZhCN.rule).sort()).toEqual([...WARRANTY_RULE_CODES].sort());
  });
  it('names every remedy, payer, kind, exclusion and parameter', () => {
    for (const r of REMEDIES) expect(warrantyZhCN.remedy[r]).toBeTruthy();
    for (const p of COST_PARTIES) expect(warrantyEnUS.party[p]).toBeTruthy();
    for (const k of POLICY_KINDS) {
      expect(warrantyZhCN.kind[k]).toBeTruthy();
      for (const key of Object.keys(POLICY_PARAM_SCHEMAS[k].shape))
        expect((warrantyZhCN.param as Record<string, string>)[key], key).toBeTruthy();
    }
    for (const e of ONLINE_EXCLUSIONS) expect(warrantyEnUS.exclusion[e]).toBeTruthy();
  });
});
