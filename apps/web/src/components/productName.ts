/** Model names usually start with the brand already (安心 406升 十字四门); do not say it twice. */
export const productName = (p: { brand: string; modelName: string }): string =>
  p.modelName.startsWith(p.brand) ? p.modelName : `${p.brand} ${p.modelName}`;
