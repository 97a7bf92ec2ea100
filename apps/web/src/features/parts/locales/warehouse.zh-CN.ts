/** Strings of the warehouse screens of the parts feature. */
export const warehouseZhCN = {};
