// The service-contracts feature's public API: the entitlement card shown at intake.
export { EntitlementCard } from './components/EntitlementCard.tsx';
