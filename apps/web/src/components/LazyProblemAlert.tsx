import { lazy, Suspense, type ComponentProps } from 'react';
import type { ProblemAlert as Alert } from './ProblemAlert.tsx';

const Deferred = lazy(() => import('./ProblemAlert.tsx').then((m) => ({ default: m.ProblemAlert })));

/**
 * ProblemAlert fetched when a problem is shown: its Alert and Typography stay out of the first
 * load of a phone page that usually has none to show.
 */
export function LazyProblemAlert(props: ComponentProps<typeof Alert>) {
  if (!props.error) return null;
  return (
    <Suspense fallback={null}>
      <Deferred {...props} />
    </Suspense>
  );
}
