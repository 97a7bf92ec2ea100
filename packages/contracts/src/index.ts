export * from './errors.ts';
export * from './problem.ts';
export * from './permissions.ts';
export * from './auth.ts';
export * from './common.ts';
