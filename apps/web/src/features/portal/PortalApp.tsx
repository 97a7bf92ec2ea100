import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PortalLayout } from './components/PortalLayout.tsx';
import './portal.css';

const PortalLoginPage = lazy(() => import('./pages/PortalLoginPage.tsx'));
const OrdersPage = lazy(() => import('./pages/OrdersPage.tsx'));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage.tsx'));
const NewRequestPage = lazy(() => import('./pages/NewRequestPage.tsx'));
const ProductsPage = lazy(() => import('./pages/ProductsPage.tsx'));
const CardsPage = lazy(() => import('./pages/CardsPage.tsx'));
const CardPage = lazy(() => import('./pages/CardPage.tsx'));
const PriceListPage = lazy(() => import('./pages/PriceListPage.tsx'));
const QuotePrintPage = lazy(() => import('./pages/QuotePrintPage.tsx'));
const HelpPage = lazy(() => import('./pages/HelpPage.tsx'));

/**
 * The customer portal (H5): its own phone-width layout under /portal, outside the staff shell.
 * Mounted by the app router as `/portal/*`; these routes are relative to it.
 */
export default function PortalApp() {
  return (
    <div className="portal-root">
      <Suspense fallback={<FullPageSpinner />}>
        <Routes>
          <Route path="login" element={<PortalLoginPage />} />
          <Route path="price-list" element={<PriceListPage />} />
          <Route path="help" element={<HelpPage />} />
          <Route path="quotes/:id/print" element={<QuotePrintPage />} />
          <Route element={<PortalLayout />}>
            <Route index element={<Navigate to="orders" replace />} />
            <Route path="orders" element={<OrdersPage />} />
            <Route path="orders/:id" element={<OrderDetailPage />} />
            <Route path="new" element={<NewRequestPage />} />
            <Route path="products" element={<ProductsPage />} />
            <Route path="cards" element={<CardsPage />} />
            <Route path="cards/:id" element={<CardPage />} />
            <Route path="*" element={<Navigate to="/portal/orders" replace />} />
          </Route>
        </Routes>
      </Suspense>
    </div>
  );
}
