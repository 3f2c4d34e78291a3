import { lazy, Suspense, type ReactNode } from 'react';
import { useSession } from './auth/session';
import { ErrorBoundary } from './components/error-boundary';
import { Loading, ProblemMessage } from './components/feedback';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { TasksPage } from './pages/tasks-page';
import { matchPath, safeNext, type Params } from './router/match-path';
import { Redirect, useLocation, useSearchParam } from './router/router';
import { AppShell, PublicLayout } from './shell/app-shell';

// RJSF and ajv are heavy: pages that render forms load on demand, the sign-in page never pulls them.
const DocumentPage = lazy(() => import('./pages/document-page'));
const StatusPage = lazy(() => import('./pages/status-page'));
const ApprovalPage = lazy(() => import('./pages/approval-page'));
const AdminPage = lazy(() => import('./pages/admin-page'));
const WorkflowsPage = lazy(() => import('./pages/admin-workflows/workflows-page'));
const WorkflowVersionPage = lazy(() => import('./pages/admin-workflows/workflow-version-page'));
const EscalationsPage = lazy(() => import('./pages/escalations/escalations-page'));
const RedThreadPage = lazy(() => import('./pages/red-thread/red-thread-page'));
const YearWheelPage = lazy(() => import('./pages/year-wheel/year-wheel-page'));

const thisYear = () => new Date().getFullYear();

type Access = 'signed-in' | 'guest' | 'public';

interface Route {
  path: string;
  access: Access;
  render: (params: Params) => ReactNode;
}

const routes: Route[] = [
  { path: '/', access: 'signed-in', render: () => <TasksPage /> },
  { path: '/logga-in', access: 'guest', render: () => <LoginPage /> },
  { path: '/dokument/:id', access: 'signed-in', render: (p) => <DocumentPage id={p.id} /> },
  {
    path: '/inlamning',
    access: 'signed-in',
    render: () => <Redirect to={`/inlamning/${thisYear()}`} />,
  },
  { path: '/avvikelser', access: 'signed-in', render: () => <EscalationsPage /> },
  { path: '/avvikelser/:id', access: 'signed-in', render: (p) => <EscalationsPage id={p.id} /> },
  // Mails sent before the page had its own address linked here.
  {
    path: '/eskaleringar/:id',
    access: 'signed-in',
    render: (p) => <Redirect to={`/avvikelser/${encodeURIComponent(p.id)}`} />,
  },
  { path: '/roda-traden', access: 'signed-in', render: () => <Redirect to={`/roda-traden/${thisYear()}`} /> },
  { path: '/roda-traden/:year', access: 'signed-in', render: (p) => <RedThreadPage year={p.year} /> },
  { path: '/arshjul', access: 'signed-in', render: () => <Redirect to={`/arshjul/${thisYear()}`} /> },
  { path: '/arshjul/:year', access: 'signed-in', render: (p) => <YearWheelPage year={p.year} /> },
  { path: '/inlamning/:year', access: 'signed-in', render: (p) => <StatusPage year={p.year} /> },
  { path: '/approve/:token', access: 'public', render: (p) => <ApprovalPage token={p.token} /> },
  { path: '/admin', access: 'signed-in', render: () => <AdminPage /> },
  { path: '/admin/arbetsfloden', access: 'signed-in', render: () => <WorkflowsPage /> },
  {
    path: '/admin/arbetsfloden/:key/:version',
    access: 'signed-in',
    render: (p) => <WorkflowVersionPage definitionKey={p.key} version={Number(p.version)} />,
  },
];

function resolve(pathname: string): { route: Route; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

function Page({ children, resetKey }: { children: ReactNode; resetKey: string }) {
  return (
    <ErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  const { pathname, search } = useLocation();
  const { state, reload } = useSession();
  const next = useSearchParam('next');
  const match = resolve(pathname);
  const key = pathname;

  if (match?.route.access === 'public') {
    return (
      <PublicLayout>
        <Page resetKey={key}>{match.route.render(match.params)}</Page>
      </PublicLayout>
    );
  }
  if (state.status === 'loading') {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (state.status === 'error') {
    return (
      <PublicLayout>
        <ProblemMessage error={state.error} onRetry={reload} />
      </PublicLayout>
    );
  }
  if (match?.route.access === 'guest') {
    if (state.status === 'signed-in') return <Redirect to={safeNext(next)} />;
    return (
      <PublicLayout>
        <Page resetKey={key}>{match.route.render(match.params)}</Page>
      </PublicLayout>
    );
  }
  if (state.status === 'signed-out') {
    const here = pathname + search;
    return <Redirect to={here === '/' ? '/logga-in' : `/logga-in?next=${encodeURIComponent(here)}`} />;
  }
  return (
    <AppShell user={state.user}>
      <Page resetKey={key}>{match ? match.route.render(match.params) : <NotFoundPage />}</Page>
    </AppShell>
  );
}
