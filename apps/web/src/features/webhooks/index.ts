// The webhooks feature's public API: event types in words (for other pages that show them).
export { eventLabel } from './eventLabels.ts';
