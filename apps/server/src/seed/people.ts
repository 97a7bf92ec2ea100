import { COMMUNITIES, COMMUNITY_WORDS, GIVEN, STREETS, SURNAMES } from './catalog-data.ts';
import type { SeedRng } from './rng.ts';

// Real mainland mobile number segments (三大运营商 + 广电), so numbers pass 1[3-9]\d{9} checks.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '192',
  '198',
  '199',
];

export const personName = (r: SeedRng): string => r.pick(SURNAMES) + r.pick(GIVEN);
export const mobile = (r: SeedRng): string => r.pick(MOBILE_PREFIXES) + r.digits(8);

export function streetAddress(r: SeedRng): string {
  const community = `${r.pick(COMMUNITY_WORDS)}${r.pick(COMMUNITIES)}`;
  return `${r.pick(STREETS)}${r.range(1, 888)}号${community}${r.range(1, 30)}栋${r.range(1, 33)}${String(r.range(1, 6)).padStart(2, '0')}室`;
}
