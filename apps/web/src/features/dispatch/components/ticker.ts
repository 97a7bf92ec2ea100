import { useSyncExternalStore } from 'react';

/*
 * One shared one-second ticker for every countdown on the page: only the countdown cells
 * re-render each second, not the whole table. `offsetMs` aligns the browser clock to the server's.
 */
let now = Date.now();
let offsetMs = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(fn: () => void) {
  listeners.add(fn);
  timer ??= setInterval(() => {
    now = Date.now() + offsetMs;
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(fn);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function alignToServer(serverNowIso: string): void {
  offsetMs = Date.parse(serverNowIso) - Date.now();
  now = Date.now() + offsetMs;
}

// The server snapshot lets countdowns render to HTML in component tests.
export const useNow = (): number =>
  useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
