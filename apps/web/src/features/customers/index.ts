// The customers feature's public API: lookup and customer hooks, the region table and the
// small pieces other features show (warranty badge, tier tag, phone list, quick create).
export {
  useCategories,
  useCategoryName,
  useCreateCustomer,
  useCustomer,
  useCustomerLookup,
  useEraseCustomer,
  useExportPersonalData,
  useFaultTree,
  useInstalledProduct,
  type LookupItem,
  type NewCustomer,
} from './api.ts';
export { regionName, regionPath, useRegions, type RegionOption } from './regions.ts';
export { WarrantyBadge } from './components/WarrantyBadge.tsx';
export { PhoneList, TierTag } from './components/CustomerBits.tsx';
export { QuickCreateCustomer } from './components/QuickCreateCustomer.tsx';
export { PrivacyActions } from './components/PrivacyActions.tsx';
export { CustomerImportDialog } from './components/CustomerImportDialog.tsx';
