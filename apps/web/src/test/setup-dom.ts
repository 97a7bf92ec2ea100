// What Ant Design needs from a browser that jsdom lacks. Runs before every web test file and does
// nothing under the node environment (no window there).
import { afterEach, vi } from 'vitest';

if (typeof window !== 'undefined') {
  // Testing Library cleans up by itself only when test globals are on; here they are not.
  const { cleanup, configure } = await import('@testing-library/react');
  // findBy/waitFor give up after 1 s by default; a shared CI machine renders antd slower than that.
  configure({ asyncUtilTimeout: 10_000 });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  // antd's responsive grid (Grid.useBreakpoint, Row/Col) asks media queries: answer "desktop".
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => {
      const min = /min-width:\s*(\d+)px/.exec(query);
      const max = /max-width:\s*(\d+)px/.exec(query);
      const width = 1440;
      const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
      return {
        matches,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      };
    },
  });

  // Tables, overflow tags and text areas observe their size; jsdom never lays out, so no events.
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoResizeObserver });
    Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: NoResizeObserver });
  }

  // jsdom implements getComputedStyle without pseudo-elements and logs "Not implemented" for
  // them (antd measures scrollbars through `::-webkit-scrollbar`): ignore the pseudo-element.
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (el: Element) => computed(el);

  window.scrollTo = () => {};
  Element.prototype.scrollTo = () => {};
  Element.prototype.scrollIntoView = () => {};
}
