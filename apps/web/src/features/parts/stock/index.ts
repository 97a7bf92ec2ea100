export { CatalogTab } from './CatalogTab.tsx';
export { StocktakeTab } from './StocktakeTab.tsx';
export { ReplenishmentTab } from './ReplenishmentTab.tsx';
export { OutletStoreTab } from './OutletStoreTab.tsx';
