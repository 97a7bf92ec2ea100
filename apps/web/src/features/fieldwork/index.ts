// The fieldwork feature's public API: the proof-of-service panel the order page shows.
export { ProofPanel } from './components/ProofPanel.tsx';
