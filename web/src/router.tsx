// Routes, each screen in its own chunk (React.lazy through the router's `lazy`) so the first load stays small.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from './components/RequireSession.tsx';
import { RouteError } from './components/RouteError.tsx';
import { Shell } from './components/Shell.tsx';
import { Loading } from './components/States.tsx';

type Screen = () => Promise<{ default: React.ComponentType }>;
const screen = (load: Screen): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    ...screen(() => import('./routes/SignIn.tsx')),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
  },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, ...screen(() => import('./routes/Home.tsx')) },
      { path: 'items', ...screen(() => import('./routes/items/ItemsList.tsx')) },
      { path: 'items/new', ...screen(() => import('./routes/items/ItemCreate.tsx')) },
      { path: 'items/:id', ...screen(() => import('./routes/items/ItemDetail.tsx')) },
      { path: 'items/:id/edit', ...screen(() => import('./routes/items/ItemEdit.tsx')) },
      { path: 'items/:id/label', ...screen(() => import('./routes/items/ItemLabel.tsx')) },
      { path: 'me/assignments', ...screen(() => import('./routes/custody/MyAssignments.tsx')) },
      { path: 'checkouts/overdue', ...screen(() => import('./routes/custody/Overdue.tsx')) },
      { path: 'transfers', ...screen(() => import('./routes/transfers/Transfers.tsx')) },
      { path: 'scan', ...screen(() => import('./routes/Scan.tsx')) },
      { path: 'locations', ...screen(() => import('./routes/Locations.tsx')) },
      { path: 'categories', ...screen(() => import('./routes/Categories.tsx')) },
      { path: 'suppliers', ...screen(() => import('./routes/Suppliers.tsx')) },
      { path: 'account', ...screen(() => import('./routes/Account.tsx')) },
      { path: 'admin/users', ...screen(() => import('./routes/admin/Users.tsx')) },
      { path: 'admin/roles', ...screen(() => import('./routes/admin/Roles.tsx')) },
      { path: 'admin/api-keys', ...screen(() => import('./routes/admin/ApiKeys.tsx')) },
      { path: 'admin/audit', ...screen(() => import('./routes/admin/AuditLog.tsx')) },
      { path: 'reports', ...screen(() => import('./routes/reports/Reports.tsx')) },
      { path: 'requests', ...screen(() => import('./routes/requests/Requests.tsx')) },
      { path: 'reservations', ...screen(() => import('./routes/reservations/Reservations.tsx')) },
      { path: 'warranty', ...screen(() => import('./routes/warranty/Warranty.tsx')) },
      { path: 'stocktakes', ...screen(() => import('./routes/stocktakes/Stocktakes.tsx')) },
      { path: 'stocktakes/:id', ...screen(() => import('./routes/stocktakes/StocktakeAudit.tsx')) },
      { path: 'stock', ...screen(() => import('./routes/stock/Stock.tsx')) },
      { path: 'stock/reorder', ...screen(() => import('./routes/stock/Reorder.tsx')) },
      { path: 'stock/items/:id', ...screen(() => import('./routes/stock/StockItem.tsx')) },
      { path: 'maintenance', ...screen(() => import('./routes/lifecycle/MaintenanceCalendar.tsx')) },
      { path: 'dashboard', ...screen(() => import('./routes/dashboard/ExecutiveDashboard.tsx')) },
      { path: 'dashboards', ...screen(() => import('./routes/dashboard/MyDashboards.tsx')) },
      { path: 'dashboards/:id', ...screen(() => import('./routes/dashboard/DashboardView.tsx')) },
      { path: '*', ...screen(() => import('./routes/NotFound.tsx')) },
    ],
  },
]);
