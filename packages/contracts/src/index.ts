export * from './errors.ts';
export * from './problem.ts';
export * from './permissions.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './catalog.ts';
export * from './customers.ts';
export * from './workorders.ts';
