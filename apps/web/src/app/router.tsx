import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import { MobileShell } from './MobileShell.tsx';
import { NotFoundPage, Placeholder, RouteErrorPage } from './lazyPages.tsx';
import { RequireAccess, RequireAuth } from './guards.tsx';
import { NAVIGATION, flattenNavigation, type NavItem } from './navigation.ts';

function NavPlaceholder({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return <Placeholder title={t(item.labelKey)} />;
}

// One lazy component per page, created once (not per render).
const lazyPages = new Map<string, LazyExoticComponent<ComponentType>>(
  flattenNavigation(NAVIGATION).flatMap((i) => (i.page ? [[i.key, lazy(i.page)] as const] : [])),
);

function pageRoute(item: NavItem): RouteObject {
  const Page = lazyPages.get(item.key);
  const element = (
    <RequireAccess item={item}>{Page ? <Page /> : <NavPlaceholder item={item} />}</RequireAccess>
  );
  return item.path === '/' ? { index: true, element } : { path: item.path, element };
}

// The desktop layout (Sider, Grid, header) is a chunk of its own: the technician's phone pages
// (`/m/`) render in the slim MobileShell and never fetch it.
const AppLayout = lazy(() => import('./AppLayout.tsx').then((m) => ({ default: m.AppLayout })));

/** The technician's phone pages (`/m/...`) live in MobileShell; every other page in AppLayout. */
const isPhonePage = (item: NavItem) => item.path.startsWith('/m/');

// Not in the first load of a signed-in phone: the sign-in form is fetched when it is shown.
const LoginPage = lazy(() =>
  import('../features/auth/pages/LoginPage.tsx').then((m) => ({ default: m.LoginPage })),
);
// The customer portal (H5) has its own phone layout and login, outside the staff shell.
const PortalApp = lazy(() => import('../features/portal/index.ts'));
// The customer's rating link (回访评价) from a callback: public, no login, phone layout.
const RatePage = lazy(() => import('../features/portal/pages/RatePage.tsx'));
// The public check behind a warranty card's QR code: no login, no personal data.
const CardVerifyPage = lazy(() => import('../features/portal/pages/CardVerifyPage.tsx'));
// A printable quote or receipt (A4), signed in but without the staff shell around it.
const QuotePrintPage = lazy(() => import('../features/charges/pages/QuotePrintPage.tsx'));

export function appRoutes(): RouteObject[] {
  return [
    {
      path: '/login',
      element: (
        <Suspense fallback={<FullPageSpinner />}>
          <LoginPage />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/portal/*',
      element: (
        <Suspense fallback={<FullPageSpinner />}>
          <PortalApp />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/rate/:token',
      element: (
        <Suspense fallback={<FullPageSpinner />}>
          <RatePage />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/cards/verify/:token',
      element: (
        <Suspense fallback={<FullPageSpinner />}>
          <CardVerifyPage />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/print/quotes/:id',
      element: (
        <RequireAuth>
          <Suspense fallback={<FullPageSpinner />}>
            <QuotePrintPage />
          </Suspense>
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/m',
      element: (
        <RequireAuth>
          <MobileShell />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            ...flattenNavigation(NAVIGATION).filter(isPhonePage).map(pageRoute),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <Suspense fallback={<FullPageSpinner />}>
            <AppLayout />
          </Suspense>
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            ...flattenNavigation(NAVIGATION)
              .filter((i) => !isPhonePage(i))
              .map(pageRoute),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

export const createAppRouter = () => createBrowserRouter(appRoutes());
