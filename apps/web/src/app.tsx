import { lazy, Suspense, useLayoutEffect, useRef, type ReactNode } from 'react';
import {
  Navigate,
  Outlet,
  Route,
  Routes,
  useLocation,
  useNavigationType,
  useParams,
  useSearchParams,
} from 'react-router';
import { safeNext } from './auth/safe-next';
import { useSession } from './auth/session';
import { ErrorBoundary } from './components/error-boundary';
import { Loading, ProblemMessage } from './components/feedback';
import { requestHeadingFocus } from './components/page-heading';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { TasksPage } from './pages/tasks-page';
import { AppShell, PublicLayout } from './shell/app-shell';

// RJSF, ajv and the diagram are heavy: pages that render them load on demand, the sign-in page never pulls them.
const DocumentPage = lazy(() => import('./pages/document-page'));
const StatusPage = lazy(() => import('./pages/status-page'));
const ApprovalPage = lazy(() => import('./pages/approval-page'));
const AdminPage = lazy(() => import('./pages/admin/admin-page'));
const WorkflowsPage = lazy(() => import('./pages/admin/workflows/workflows-page'));
const GroupMappingsPage = lazy(() => import('./pages/admin/group-mappings-page'));
const KoladaPage = lazy(() => import('./pages/admin/kolada-page'));
const FinancialImportPage = lazy(() => import('./pages/admin/financial-import-page'));
const WorkflowVersionPage = lazy(() => import('./pages/admin/workflows/workflow-version-page'));
const EscalationsPage = lazy(() => import('./pages/escalations/escalations-page'));
const ReportDeviationPage = lazy(() => import('./pages/escalations/report-deviation-page'));
const EscalationDecisionPage = lazy(() => import('./pages/escalations/escalation-decision-page'));
const RedThreadPage = lazy(() => import('./pages/red-thread/red-thread-page'));
const YearWheelPage = lazy(() => import('./pages/year-wheel/year-wheel-page'));
const MunicipalReportPage = lazy(() => import('./pages/municipal-report/municipal-report-page'));
const RiskMatrixPage = lazy(() => import('./pages/internal-control/risk-matrix-page'));
const InternalControlPage = lazy(() => import('./pages/internal-control/internal-control-page'));
const CompaniesPage = lazy(() => import('./pages/companies/companies-page'));
const SearchPage = lazy(() => import('./pages/search/search-page'));

const thisYear = () => new Date().getFullYear();

/** Renders a page from the route's parameters (react-router decodes them). */
function WithParams({ render }: { render: (params: Record<string, string>) => ReactNode }) {
  const params = useParams();
  return <>{render(params as Record<string, string>)}</>;
}

function Page() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

/** Approval links from mails: anyone with the link, signed in or not. */
function PublicRoutes() {
  return (
    <PublicLayout>
      <Page />
    </PublicLayout>
  );
}

/** The sign-in page: a signed-in user goes on to where they were headed. */
function GuestRoutes() {
  const { state, reload } = useSession();
  const [searchParams] = useSearchParams();
  if (state.status === 'signed-in') return <Navigate to={safeNext(searchParams.get('next'))} replace />;
  return (
    <PublicLayout>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ProblemMessage error={state.error} onRetry={reload} />
      ) : (
        <Page />
      )}
    </PublicLayout>
  );
}

/** Everything else: signed-out users are sent to sign in and brought back afterwards. */
function SignedInRoutes() {
  const { state, reload } = useSession();
  const { pathname, search } = useLocation();
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
  if (state.status === 'signed-out') {
    // One redirect decides where a signed-out user goes: a second navigation at the same moment
    // would race it (react-router moves inside a transition).
    const here = pathname + search;
    const to =
      state.reason === 'logout'
        ? '/logga-in?utloggad=1'
        : here === '/'
          ? '/logga-in'
          : `/logga-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <AppShell user={state.user}>
      <Page />
    </AppShell>
  );
}

/**
 * After every in-app navigation (link, redirect, back/forward) the next page heading takes focus,
 * so screen readers hear the new page; a new page starts at the top. Not on the first load.
 */
function useNavigationFocus() {
  const { key } = useLocation();
  const type = useNavigationType();
  const seen = useRef(key);
  // A layout effect runs before the new page's own effects, where PageHeading asks for the focus.
  useLayoutEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    requestHeadingFocus();
    if (type !== 'POP') window.scrollTo(0, 0);
  }, [key, type]);
}

export function App() {
  useNavigationFocus();
  return (
    <Routes>
      <Route element={<PublicRoutes />}>
        <Route
          path="/approve/:token"
          element={<WithParams render={(p) => <ApprovalPage token={p.token} />} />}
        />
      </Route>
      <Route element={<GuestRoutes />}>
        <Route path="/logga-in" element={<LoginPage />} />
      </Route>
      <Route element={<SignedInRoutes />}>
        <Route index element={<TasksPage />} />
        <Route path="/dokument/:id" element={<WithParams render={(p) => <DocumentPage id={p.id} />} />} />
        <Route path="/inlamning" element={<Navigate to={`/inlamning/${thisYear()}`} replace />} />
        <Route
          path="/inlamning/:year"
          element={<WithParams render={(p) => <StatusPage year={p.year} />} />}
        />
        <Route path="/avvikelser" element={<EscalationsPage />} />
        <Route path="/avvikelser/rapportera" element={<ReportDeviationPage />} />
        <Route
          path="/avvikelser/:id"
          element={<WithParams render={(p) => <EscalationsPage id={p.id} />} />}
        />
        <Route
          path="/avvikelser/:id/beslut"
          element={<WithParams render={(p) => <EscalationDecisionPage id={p.id} />} />}
        />
        {/* Mails sent before the page had its own address linked here. */}
        <Route
          path="/eskaleringar/:id"
          element={
            <WithParams render={(p) => <Navigate to={`/avvikelser/${encodeURIComponent(p.id)}`} replace />} />
          }
        />
        <Route path="/roda-traden" element={<Navigate to={`/roda-traden/${thisYear()}`} replace />} />
        <Route
          path="/roda-traden/:year"
          element={<WithParams render={(p) => <RedThreadPage year={p.year} />} />}
        />
        <Route path="/arshjul" element={<Navigate to={`/arshjul/${thisYear()}`} replace />} />
        <Route
          path="/arshjul/:year"
          element={<WithParams render={(p) => <YearWheelPage year={p.year} />} />}
        />
        <Route
          path="/kommunens-rapport"
          element={<Navigate to={`/kommunens-rapport/${thisYear() - 1}`} replace />}
        />
        <Route
          path="/kommunens-rapport/:year"
          element={<WithParams render={(p) => <MunicipalReportPage year={p.year} />} />}
        />
        <Route path="/riskmatris" element={<Navigate to={`/riskmatris/${thisYear()}`} replace />} />
        <Route
          path="/riskmatris/:year"
          element={<WithParams render={(p) => <RiskMatrixPage year={p.year} />} />}
        />
        <Route path="/intern-kontroll" element={<Navigate to={`/intern-kontroll/${thisYear()}`} replace />} />
        <Route
          path="/intern-kontroll/:year"
          element={<WithParams render={(p) => <InternalControlPage year={p.year} />} />}
        />
        <Route path="/bolag" element={<Navigate to={`/bolag/${thisYear()}`} replace />} />
        <Route path="/bolag/:year" element={<WithParams render={(p) => <CompaniesPage year={p.year} />} />} />
        <Route path="/sok" element={<SearchPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/admin/arbetsfloden" element={<WorkflowsPage />} />
        <Route path="/admin/grupper" element={<GroupMappingsPage />} />
        <Route path="/admin/kolada" element={<KoladaPage />} />
        <Route path="/admin/ekonomi-import" element={<FinancialImportPage />} />
        <Route
          path="/admin/arbetsfloden/:key/:version"
          element={
            <WithParams
              render={(p) => <WorkflowVersionPage definitionKey={p.key} version={Number(p.version)} />}
            />
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
