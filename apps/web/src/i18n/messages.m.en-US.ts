import { commonEnUS } from './locales/en-US.ts';
import { firstProblemsEnUS } from './locales/problems.first.en-US.ts';
import { appEnUS } from '../app/locales/en-US.ts';
import { authEnUS } from '../features/auth/locales/en-US.ts';
import { workordersEnUS } from '../features/workorders/locales/en-US.ts';
import { fieldworkEnUS } from '../features/fieldwork/locales/en-US.ts';
import { partsCommonEnUS } from '../features/parts/locales/common.en-US.ts';
import { fieldEnUS } from '../features/parts/locales/field.en-US.ts';

/**
 * The part of the en-US messages the technician's phone app (`/m/`) shows first: loaded before its
 * first render, the rest follows in the background (see index.ts). Only what the job list and the
 * phone shell need; the customer portal has its own part (messages.phone.en-US.ts).
 */
export const mEnUS = {
  ...commonEnUS,
  ...firstProblemsEnUS,
  ...appEnUS,
  auth: authEnUS,
  workorders: workordersEnUS,
  fieldwork: fieldworkEnUS,
  parts: { ...partsCommonEnUS, field: fieldEnUS },
};
