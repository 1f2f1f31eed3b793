/**
 * Every client route on one screen. The server answers index.html for /, /sign-in, /setup,
 * /account and /stores/* (src/http/routes/web.ts); a new top-level path must be added there too.
 *
 * Store areas are loaded on first visit (lazy), each its own chunk: the flow canvas or the
 * template editor never slow down the sign-in page or the dashboard.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { RouteError } from '../components/RouteError.tsx';
import { Shell } from '../layout/Shell.tsx';
import { SetupPage } from '../pages/setup/SetupPage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { RequireSession } from './RequireSession.tsx';
import { StoreScope } from './StoreScope.tsx';

const lazyPage = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> => ({ lazy: async () => ({ Component: await load() }) });

const storeAreas: RouteObject[] = [
  { index: true, element: <Navigate to="dashboard" replace /> },
  { path: 'dashboard', ...lazyPage(() => import('../pages/dashboard/DashboardPage.tsx').then((m) => m.DashboardPage)) },
  { path: 'carts', ...lazyPage(() => import('../pages/carts/CartsPage.tsx').then((m) => m.CartsPage)) },
  { path: 'contacts', ...lazyPage(() => import('../pages/contacts/ContactsPage.tsx').then((m) => m.ContactsPage)) },
  { path: 'contacts/:contactId', ...lazyPage(() => import('../pages/contacts/ContactPage.tsx').then((m) => m.ContactPage)) },
  { path: 'flows', ...lazyPage(() => import('../pages/flows/FlowsPage.tsx').then((m) => m.FlowsPage)) },
  { path: 'flows/:flowId', ...lazyPage(() => import('../pages/flows/FlowPage.tsx').then((m) => m.FlowPage)) },
  { path: 'templates', ...lazyPage(() => import('../pages/templates/TemplatesPage.tsx').then((m) => m.TemplatesPage)) },
  { path: 'templates/:key/:locale', ...lazyPage(() => import('../pages/templates/TemplatePage.tsx').then((m) => m.TemplatePage)) },
  { path: 'mailbox', ...lazyPage(() => import('../pages/mailbox/MailboxPage.tsx').then((m) => m.MailboxPage)) },
  { path: 'settings', ...lazyPage(() => import('../pages/settings/SettingsPage.tsx').then((m) => m.SettingsPage)) },
];

export const routes: RouteObject[] = [
  { path: '/sign-in', Component: SignInPage, ErrorBoundary: RouteError },
  { path: '/setup', Component: SetupPage, ErrorBoundary: RouteError },
  {
    Component: RequireSession,
    ErrorBoundary: RouteError,
    HydrateFallback: FullPageLoader,
    children: [
      {
        Component: Shell,
        children: [
          {
            // Errors below render inside the shell, so the navigation survives a broken page.
            ErrorBoundary: RouteError,
            children: [
              { index: true, Component: HomeRedirect },
              { path: 'account', ...lazyPage(() => import('../pages/account/AccountPage.tsx').then((m) => m.AccountPage)) },
              { path: 'stores/:storeId', Component: StoreScope, children: storeAreas },
              { path: '*', ...lazyPage(() => import('../pages/NotFoundPage.tsx').then((m) => m.NotFoundPage)) },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
