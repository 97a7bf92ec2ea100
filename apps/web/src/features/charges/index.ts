// The charges feature's public API: the work-order page's quote card, the printable document
// (the portal prints the same sheet), and the price tables (the portal's public price page).
export { QuoteCard } from './components/QuoteCard.tsx';
export { QuoteDocument } from './components/QuoteDocument.tsx';
export { PriceTables } from './components/PriceTables.tsx';
export { CoverageTag, QuoteStatusTag } from './components/tags.tsx';
