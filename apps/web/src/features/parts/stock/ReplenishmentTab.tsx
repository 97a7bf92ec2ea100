/** Placeholder until the stock screens land (issue #15). */
export function ReplenishmentTab() {
  return null;
}
