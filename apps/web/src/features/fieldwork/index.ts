// The fieldwork feature's public API: the proof-of-service panel the order page shows, and the
// offline-queue sender the phone shell mounts.
export { ProofPanel } from './components/ProofPanel.tsx';
export { FieldQueueSync } from './components/QueueSync.tsx';
