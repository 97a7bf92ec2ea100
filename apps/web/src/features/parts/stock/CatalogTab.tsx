/** Placeholder until the stock screens land (issue #15). */
export function CatalogTab() {
  return null;
}
