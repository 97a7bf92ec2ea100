/** Placeholder until the stock screens land (issue #15). */
export function OutletStoreTab() {
  return null;
}
