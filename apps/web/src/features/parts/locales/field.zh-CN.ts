/** Strings of the field screens of the parts feature. */
export const fieldZhCN = {};
