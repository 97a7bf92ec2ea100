import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import type * as ErrorPages from './ErrorPages.tsx';
import type * as PlaceholderModule from '../components/Placeholder.tsx';

// The error pages and the placeholder use Ant Design's Result and its large illustrations:
// fetched only when one is shown, so they stay out of the phone's first load.
function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(() => load().then((Page) => ({ default: Page })));
  return function DeferredPage(props: P) {
    return (
      <Suspense fallback={<FullPageSpinner />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

type Pages = typeof ErrorPages;
const pages = () => import('./ErrorPages.tsx');
export const NotFoundPage = deferred(() => pages().then((m) => m.NotFoundPage));
export const ForbiddenPage = deferred<ComponentProps<Pages['ForbiddenPage']>>(() =>
  pages().then((m) => m.ForbiddenPage),
);
export const RouteErrorPage = deferred(() => pages().then((m) => m.RouteErrorPage));
export const SessionLoadFailed = deferred<ComponentProps<Pages['SessionLoadFailed']>>(() =>
  pages().then((m) => m.SessionLoadFailed),
);
export const Placeholder = deferred<ComponentProps<typeof PlaceholderModule.Placeholder>>(() =>
  import('../components/Placeholder.tsx').then((m) => m.Placeholder),
);
