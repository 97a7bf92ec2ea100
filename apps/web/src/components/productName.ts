/** Model names usually start with the brand already (安心 406升 十字四门); do not say it twice. */
export const productName = (p: { brand: string; modelName: string }): string =>
  p.modelName.startsWith(p.brand) ? p.modelName : `${p.brand} ${p.modelName}`;

/** The same for a product whose model may be unknown (a technician's job): the brand alone then. */
export const productLabel = (p: { brand: string; modelName: string | null }): string =>
  p.modelName ? productName({ brand: p.brand, modelName: p.modelName }) : p.brand;
