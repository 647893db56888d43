import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../routes/auth/LoginPage';
import { HomePage } from '../routes/placeholders/HomePage';
import { NotFoundPage } from '../routes/placeholders/NotFoundPage';
import { PlaceholderPage } from '../routes/placeholders/PlaceholderPage';
import { FORCED_PASSWORD_PATH, FORCED_TOTP_PATH, LOGIN_PATH, SessionGate } from './SessionGate';

/**
 * Pages after the login page load on demand, so the first visit on a phone downloads only the shell
 * (initial JavaScript budget: 250 KB gzip, reported by `npm run build`).
 */
export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: <LoginPage /> },
  { path: FORCED_PASSWORD_PATH, lazy: async () => ({ Component: (await import('../routes/auth/ForcedPasswordChangePage')).ForcedPasswordChangePage }) },
  { path: FORCED_TOTP_PATH, lazy: async () => ({ Component: (await import('../routes/auth/TotpRequiredPage')).TotpRequiredPage }) },
  {
    path: '/',
    element: <SessionGate />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'people/*', element: <PlaceholderPage sectionKey="nav.people" /> },
      { path: 'activities/*', element: <PlaceholderPage sectionKey="nav.activities" /> },
      { path: 'reports/*', element: <PlaceholderPage sectionKey="nav.reports" /> },
      { path: 'network/*', element: <PlaceholderPage sectionKey="nav.network" /> },
      { path: 'account', lazy: async () => ({ Component: (await import('../routes/account/AccountPage')).AccountPage }) },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('../routes/admin/AdminLayout')).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../routes/admin/AdminIndex')).AdminIndex }) },
          { path: 'organisation', lazy: async () => ({ Component: (await import('../routes/admin/OrganisationPage')).OrganisationPage }) },
          { path: 'users', lazy: async () => ({ Component: (await import('../routes/admin/UsersPage')).UsersPage }) },
          { path: 'users/:id', lazy: async () => ({ Component: (await import('../routes/admin/UserPage')).UserPage }) },
          { path: 'tokens', lazy: async () => ({ Component: (await import('../routes/admin/TokensPage')).TokensPage }) },
          { path: 'audit', lazy: async () => ({ Component: (await import('../routes/admin/AuditPage')).AuditPage }) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
