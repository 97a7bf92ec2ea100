// The warranty feature's public API: the panel and the cards other pages show.
export { WarrantyPanel, RuleSentence } from './components/WarrantyPanel.tsx';
export { OrderWarrantyCard } from './components/OrderWarrantyCard.tsx';
export { ProductWarrantyButton } from './components/ProductWarrantyButton.tsx';
