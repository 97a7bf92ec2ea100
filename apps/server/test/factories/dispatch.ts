/** Dispatch test support: the work-order world (its runtime drains the outbox and runs the time-out job by hand) and outlets. */
import { startWorld, type World } from './world.ts';

export { makeOutlet, type OutletSpec } from './network.ts';

export type DispatchWorld = World;
export const startDispatchWorld = (now: string): Promise<DispatchWorld> => startWorld(now);
