import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router-dom';
import { AppError } from './api/client';
import { queryKeys } from './api/query-keys';
import { clearSession } from './api/session';
import { AppShell } from './components/app-shell';
import { ErrorBoundary } from './components/error-boundary';
import { RequireArea } from './components/require-area';
import { RequireAuth } from './components/require-auth';
import type { TNavKey } from './navigation';
import { evaluationRoutes } from './scenes/evaluation/routes';
import { myRoutes, operationsRoutes } from './scenes/operations/routes';
import { HomePage } from './scenes/home-page';
import { learningRoutes, publicLearningRoutes } from './scenes/learning/routes';
import { qaRoutes } from './scenes/qa/routes';
import { assistAdminRoutes, assistRoutes } from './scenes/assist/routes';
import { publicSelfcareRoutes, selfcareRoutes } from './scenes/selfcare/routes';
import { teachRoutes } from './scenes/teach/routes';
import { LoginPage } from './scenes/login-page';
import { NotFoundPage } from './scenes/not-found-page';
import { ProfilePage } from './scenes/profile-page';
import { theme } from './theme';

// The analyser and the admin pages are the heaviest (highlighting, tables, forms, date picker): load on demand.
const AnalyzerPage = lazy(() => import('./scenes/analyzer/analyzer-page'));
const UsersPage = lazy(() => import('./scenes/admin/users-page'));
const TeamsPage = lazy(() => import('./scenes/admin/teams-page'));
const AuditPage = lazy(() => import('./scenes/admin/audit-page'));
// Role-play (SPEC §2.2): catalogue, history, brief, practice chat and scorecard, coaching, authoring; with ECharts.
const RoleplayCataloguePage = lazy(() => import('./scenes/roleplay/catalogue-page'));
const RoleplayHistoryPage = lazy(() => import('./scenes/roleplay/history-page'));
const RoleplayBriefPage = lazy(() => import('./scenes/roleplay/brief-page'));
const RoleplayAttemptPage = lazy(() => import('./scenes/roleplay/attempt-page'));
const RoleplayCoachingPage = lazy(() => import('./scenes/roleplay/coaching-page'));
const RoleplayAuthoringPage = lazy(() => import('./scenes/roleplay/authoring-page'));

/**
 * A 401 from any call other than the session check means the session ended (expired, or
 * signed out elsewhere): drop it, and the auth guard sends the person to /login.
 */
function onApiError(queryClient: QueryClient, err: unknown): void {
  const appError = AppError.parseError(err);
  if (appError.code === 'UNAUTHENTICATED') clearSession(queryClient);
  if (appError.code === 'CSRF_FAILED') void queryClient.invalidateQueries({ queryKey: queryKeys.session });
}

function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err) => onApiError(queryClient, err) }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        // A failed login is a wrong password, not an ended session.
        if (mutation.options.mutationKey?.[0] !== 'login') onApiError(queryClient, err);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx gives the same answer; retry network trouble and 5xx once.
        retry: (failureCount, err) => {
          const appError = AppError.parseError(err);
          return failureCount < 1 && (appError.status === 0 || appError.status >= 500);
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

const queryClient = createQueryClient();

function area(key: TNavKey, page: ReactNode): ReactNode {
  return <RequireArea area={key}>{page}</RequireArea>;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  ...publicLearningRoutes,
  ...publicSelfcareRoutes,
  {
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'analyzer', element: area('analyzer', <AnalyzerPage />) },
      {
        path: 'roleplay',
        element: area('roleplay', <Outlet />),
        children: [
          { index: true, element: <RoleplayCataloguePage /> },
          { path: 'history', element: <RoleplayHistoryPage /> },
          { path: 'coaching', element: <RoleplayCoachingPage /> },
          { path: 'authoring', element: <RoleplayAuthoringPage /> },
          { path: 'attempts/:attemptId', element: <RoleplayAttemptPage /> },
          { path: ':scenarioId', element: <RoleplayBriefPage /> },
        ],
      },
      { path: 'learning', element: area('learning', <Outlet />), children: [...learningRoutes, ...teachRoutes] },
      // 自我关怀 (SPEC §2.6) and 实时辅助 (SPEC §2.5).
      { path: 'selfcare', element: area('selfcare', <Outlet />), children: selfcareRoutes },
      { path: 'live-assist', element: area('live-assist', <Outlet />), children: assistRoutes },
      // 对话质检 (SPEC §2.9): conversations for every QA reader, imports for the importing roles; lazy pages.
      { path: 'qa', element: area('qa', <Outlet />), children: qaRoutes },
      { path: 'my', element: area('mytraining', <Outlet />), children: myRoutes },
      { path: 'operations', element: area('operations', <Outlet />), children: operationsRoutes },
      { path: 'evaluation', element: area('evaluation', <Outlet />), children: evaluationRoutes },
      {
        path: 'admin',
        element: area('admin', <Outlet />),
        children: [
          { index: true, element: area('admin-users', <UsersPage />) },
          { path: 'users', element: area('admin-users', <UsersPage />) },
          { path: 'teams', element: area('admin-teams', <TeamsPage />) },
          { path: 'audit', element: area('admin-audit', <AuditPage />) },
          { path: 'integrations', element: area('admin-integrations', <Outlet />), children: assistAdminRoutes },
        ],
      },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** Theme and antd locale follow the UI language. */
function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider theme={theme} locale={i18n.language === 'en' ? enUS : zhCN}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The whole web app: data, theme, language and routes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Providers>
        <ErrorBoundary>
          <RouterProvider router={router} />
        </ErrorBoundary>
      </Providers>
    </QueryClientProvider>
  );
}
