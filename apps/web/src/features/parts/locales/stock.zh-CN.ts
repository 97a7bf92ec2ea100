/** Strings of the stock screens of the parts feature. */
export const stockZhCN = {};
