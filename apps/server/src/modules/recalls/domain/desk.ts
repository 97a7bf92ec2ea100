/**
 * Recalls are a head-office desk: a recall reaches every owner of a model or batch, wherever they
 * stand, and its lists name them all. Readers with data scope "all" only; an outlet manager or a
 * regional reader granted the permission is refused rather than shown other outlets' customers.
 */
export const isRecallDesk = (scopeLevel: string): boolean => scopeLevel === 'all';
