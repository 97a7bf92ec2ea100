import { commonEnUS } from './locales/en-US.ts';
import { firstProblemsEnUS } from './locales/problems.first.en-US.ts';
import { appEnUS } from '../app/locales/en-US.ts';
import { authEnUS } from '../features/auth/locales/en-US.ts';
import { workordersEnUS } from '../features/workorders/locales/en-US.ts';
import { portalEnUS } from '../features/portal/locales/en-US.ts';
import { fieldworkEnUS } from '../features/fieldwork/locales/en-US.ts';
import { partsEnUS } from '../features/parts/locales/en-US.ts';
import { chargesEnUS } from '../features/charges/locales/en-US.ts';
import { cardsEnUS } from '../features/cards/locales/en-US.ts';
import { rmaEnUS } from '../features/rma/locales/en-US.ts';
import { knowledgeEnUS } from '../features/knowledge/locales/en-US.ts';

/**
 * The part of the en-US messages the phone apps (technician, portal) show first: loaded before
 * their first render, the rest follows in the background (see index.ts). A key missing here only
 * shows once the rest has arrived, never as a raw key for long.
 */
export const phoneEnUS = {
  ...commonEnUS,
  ...firstProblemsEnUS,
  ...appEnUS,
  auth: authEnUS,
  workorders: workordersEnUS,
  fieldwork: fieldworkEnUS,
  parts: partsEnUS,
  portal: portalEnUS,
  cards: cardsEnUS,
  charges: chargesEnUS,
  knowledge: knowledgeEnUS,
  rma: rmaEnUS,
};
