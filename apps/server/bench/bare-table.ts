// Shared by the bare-stack server and the bench driver.
export const BARE_TABLE = 'bench_bare_rows';
/** Rows present before the run so the read route always hits: ids bare-000000 … bare-009999. */
export const BARE_SEED_ROWS = 10_000;
export const bareKey = (i: number): string => `bare-${String(i % BARE_SEED_ROWS).padStart(6, '0')}`;
