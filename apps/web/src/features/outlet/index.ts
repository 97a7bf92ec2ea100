// The outlet feature's public API: the escalation pieces the work-order detail page shows.
export { EscalateDialog, EscalationTag } from './components/Escalation.tsx';
export { useEscalations } from './api.ts';
