import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/deps.ts';
import { createIdentity } from './modules/identity/index.ts';

export interface ModuleHandle {
  register(app: FastifyInstance): unknown;
}

/** The module graph in one place: each factory gets shared deps and what it needs from others. */
export function createModules(deps: AppDeps) {
  const identity = createIdentity(deps);
  const all: ModuleHandle[] = [identity];
  return {
    identity,
    all,
    startWorkers: undefined as undefined | (() => Promise<void>),
    stopWorkers: undefined as undefined | (() => Promise<void>),
  };
}
export type Modules = ReturnType<typeof createModules>;
