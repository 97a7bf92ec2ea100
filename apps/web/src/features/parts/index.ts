// The parts feature's public API: what the technician's job screen and the work-order page show.
export { JobPartsPanel, defaultPayerFor } from './field/JobPartsPanel.tsx';
export { ConsumeParts } from './field/ConsumeParts.tsx';
export { OrderPartsCard } from './field/OrderPartsCard.tsx';
