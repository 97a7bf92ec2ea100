import { lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import useAppStyle from 'antd/es/app/style';

type Kind = keyof useAppProps;
type Call = { kind: Kind; method: string; args: unknown[] };

// message, notification and modal (about 10 KB gzip) are not needed to draw a page: their holders
// load as a chunk of their own just after the first render.
const FeedbackHost = lazy(() => import('./FeedbackHost.tsx'));

/** Stand-ins that keep calls made before the holders are in and replay them once they are. */
function deferredApi(queue: Call[]): useAppProps {
  const kind = (k: Kind) =>
    new Proxy(
      {},
      {
        get:
          (_, method) =>
          (...args: unknown[]) => {
            queue.push({ kind: k, method: String(method), args });
          },
      },
    );
  return {
    message: kind('message'),
    notification: kind('notification'),
    modal: kind('modal'),
  } as useAppProps;
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

/**
 * Ant Design's `<App>` (same root element, class and styles; `App.useApp()` works below it) with
 * its message, notification and modal holders loaded after the first render rather than before.
 */
export function Feedback({ children }: { children: ReactNode }) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('app');
  const [hashId, cssVarCls] = useAppStyle(prefixCls);
  const [queue] = useState<Call[]>([]);
  const waiting = useMemo(() => deferredApi(queue), [queue]);
  const [api, setApi] = useState<useAppProps | null>(null);
  const onReady = useCallback(
    (ready: useAppProps) => {
      setApi(ready);
      for (const c of queue.splice(0)) (ready[c.kind] as unknown as Methods)[c.method]?.(...c.args);
    },
    [queue],
  );
  return (
    <AppContext.Provider value={api ?? waiting}>
      <div className={[hashId, prefixCls, cssVarCls].filter(Boolean).join(' ')}>
        <Suspense fallback={null}>
          <FeedbackHost onReady={onReady} />
        </Suspense>
        {children}
      </div>
    </AppContext.Provider>
  );
}

/** `App.useApp()` for modules in the phone's first load, which should not import Ant Design's App. */
export const useFeedback = (): useAppProps => useContext(AppContext);
