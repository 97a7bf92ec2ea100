import type { CardsPolicy, WarrantyStatus } from '@anxin/contracts';
import { dateFromDay, dayFromDate } from '../../../platform/calendar/dates.ts';

/** May a card of this product category change owner? The category's own setting, else the default. */
export const transferAllowed = (policy: CardsPolicy, categoryCode: string): boolean =>
  policy.transferByCategory[categoryCode] ?? policy.transferDefault;

/** Days of repair warranty a fitted part of this class gets: its class's setting, else the default. */
export const repairWarrantyDays = (policy: CardsPolicy, partClass: string): number =>
  policy.repairWarrantyDaysByPartClass[partClass] ?? policy.repairWarrantyDefaultDays;

/** `date` plus `days` calendar days (business dates, YYYY-MM-DD). */
export const addDays = (date: string, days: number): string => dateFromDay(dayFromDate(date) + days);

/**
 * The repair warranty of one fitted part: from the order's completion date to completion + N days
 * inclusive of the last day; active while today is on or before that day.
 */
export function repairCover(completedOn: string, days: number, today: string) {
  const until = addDays(completedOn, days);
  return { until, active: today <= until };
}

/** What the public verification page shows of a serial: the first 2 and last 3 characters. */
export function maskSerial(serial: string): string {
  if (serial.length <= 5) return `${serial.slice(0, 1)}${'*'.repeat(Math.max(serial.length - 1, 0))}`;
  return `${serial.slice(0, 2)}${'*'.repeat(serial.length - 5)}${serial.slice(-3)}`;
}

/** A card verifies as valid while the unit is in or partly in warranty. */
export const cardValid = (status: WarrantyStatus): boolean =>
  status === 'in_warranty' || status === 'main_parts_only';
