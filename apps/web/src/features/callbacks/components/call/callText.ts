import type { CallbackFollowUp, CallbackOutcome } from '@anxin/contracts';
import { bj } from '../../../workorders/index.ts';

export const OUTCOMES: CallbackOutcome[] = ['satisfied', 'unsatisfied', 'unreachable'];
export const FOLLOW_UPS: CallbackFollowUp[] = ['redo', 'complaint', 'close_with_note'];

/** Whether a key press goes into a text field (then it is not a shortcut). */
export const typingText = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text'));

export const fmt = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');
