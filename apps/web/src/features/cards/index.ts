// The cards feature's public API: portal card pages' parts, the public verification page, the
// staff panels on a product and on a work order.
export { WarrantyCardSheet } from './components/WarrantyCardSheet.tsx';
export { ActivateCardDrawer, type ActivateBody } from './components/ActivateCardDrawer.tsx';
export { ProductCardPanel, ProductCardButton } from './components/ProductCardPanel.tsx';
export { WorkshopReceiptsCard } from './components/WorkshopReceiptsCard.tsx';
export { useActivateMyCard, useMyCard, useMyCards, useVerification } from './api.ts';
export { printArea } from './print.ts';
