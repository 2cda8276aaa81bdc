import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { AppLayout, PageLoading } from './AppLayout.tsx';
import { MODULES } from './modules.tsx';
import { NotFoundPage, RouteErrorPage } from './ErrorPages.tsx';
import { ModuleNotBuiltPage } from '../features/modules/ModuleNotBuiltPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { RequirePermission, RequireSession } from '../features/auth/RequireSession.tsx';

/** Pages with tables, forms and charts load on first visit, so the first screen (the login page) stays light; the home page too. */
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const RegionsPage = lazy(() => import('../features/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const PlaceTagsPage = lazy(() => import('../features/placetags/PlaceTagsPage.tsx').then((m) => ({ default: m.PlaceTagsPage })));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage.tsx').then((m) => ({ default: m.OrgsPage })));
const OrgDetailPage = lazy(() => import('../features/orgs/OrgDetailPage.tsx').then((m) => ({ default: m.OrgDetailPage })));
const PairingsPage = lazy(() => import('../features/pairings/PairingsPage.tsx').then((m) => ({ default: m.PairingsPage })));
const CoveragePage = lazy(() => import('../features/coverage/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage.tsx').then((m) => ({ default: m.ActivitiesPage })));
const DonationsPage = lazy(() => import('../features/donations/DonationsPage.tsx').then((m) => ({ default: m.DonationsPage })));
const TrainingsPage = lazy(() => import('../features/training/TrainingsPage.tsx').then((m) => ({ default: m.TrainingsPage })));
const PersonnelPage = lazy(() => import('../features/personnel/PersonnelPage.tsx').then((m) => ({ default: m.PersonnelPage })));
const LaborPage = lazy(() => import('../features/labor/LaborPage.tsx').then((m) => ({ default: m.LaborPage })));
const IndustryPage = lazy(() => import('../features/industry/IndustryPage.tsx').then((m) => ({ default: m.IndustryPage })));
const SuppliersPage = lazy(() => import('../features/consumption/SuppliersPage.tsx').then((m) => ({ default: m.SuppliersPage })));
const CertificationPage = lazy(() => import('../features/consumption/CertificationPage.tsx').then((m) => ({ default: m.CertificationPage })));
const ProductPage = lazy(() => import('../features/consumption/ProductPage.tsx').then((m) => ({ default: m.ProductPage })));
const CatalogueAdminPage = lazy(() => import('../features/consumption/CataloguePages.tsx').then((m) => ({ default: m.CatalogueAdminPage })));
const PublicCataloguePage = lazy(() => import('../features/consumption/CataloguePages.tsx').then((m) => ({ default: m.PublicCataloguePage })));
const SalesPage = lazy(() => import('../features/consumption/SalesPage.tsx').then((m) => ({ default: m.SalesPage })));
const BulletinsPage = lazy(() => import('../features/bulletins/BulletinsPage.tsx').then((m) => ({ default: m.BulletinsPage })));
const BulletinPage = lazy(() => import('../features/bulletins/BulletinPage.tsx').then((m) => ({ default: m.BulletinPage })));
const EditionsPage = lazy(() => import('../features/editions/EditionsPage.tsx').then((m) => ({ default: m.EditionsPage })));
const EditionPage = lazy(() => import('../features/editions/EditionPage.tsx').then((m) => ({ default: m.EditionPage })));
const ClaimsPage = lazy(() => import('../features/claims/ClaimsPage.tsx').then((m) => ({ default: m.ClaimsPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const SystemPage = lazy(() => import('../features/system/SystemPage.tsx').then((m) => ({ default: m.SystemPage })));
const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage.tsx').then((m) => ({ default: m.IndicatorsPage })));
const EvidencePage = lazy(() => import('../features/indicators/EvidencePage.tsx').then((m) => ({ default: m.EvidencePage })));
const TargetsPage = lazy(() => import('../features/indicators/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })));
const AssessmentPage = lazy(() => import('../features/assessment/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })));

/** /trainings (the API's name) leads to the 培训交流 page, keeping its filters. */
function ToTraining() {
  const { search } = useLocation();
  return <Navigate to={`/training${search}`} replace />;
}

const notBuiltRoutes: RouteObject[] = MODULES.filter((m) => !m.built).map((m) => ({
  path: m.path.slice(1) + '/*',
  element: <ModuleNotBuiltPage module={m} />,
}));

export const routes: RouteObject[] = [
  /** Outside the app layout: the login page, the public product catalogue (no login), and the password change that works while the rest is locked. */
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/catalogue',
    element: (
      <Suspense fallback={<PageLoading />}>
        <PublicCataloguePage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/account/password',
    element: (
      <RequireSession passwordChange>
        <ChangePasswordPage />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'place-tags', element: <PlaceTagsPage /> },
      { path: 'orgs', element: <OrgsPage /> },
      { path: 'orgs/:id', element: <OrgDetailPage /> },
      { path: 'pairings', element: <PairingsPage /> },
      { path: 'coverage', element: <CoveragePage /> },
      { path: 'coverage/:code', element: <CoveragePage /> },
      { path: 'projects', element: <RequirePermission action="project:read"><ProjectsPage /></RequirePermission> },
      { path: 'projects/:id', element: <RequirePermission action="project:read"><ProjectPage /></RequirePermission> },
      { path: 'activities', element: <RequirePermission action="activity:read"><ActivitiesPage /></RequirePermission> },
      { path: 'donations', element: <RequirePermission action="activity:read"><DonationsPage /></RequirePermission> },
      { path: 'training', element: <RequirePermission action="activity:read"><TrainingsPage /></RequirePermission> },
      { path: 'trainings', element: <ToTraining /> },
      { path: 'personnel', element: <RequirePermission action="personnel:read"><PersonnelPage /></RequirePermission> },
      { path: 'labor', element: <RequirePermission action="labor:read"><LaborPage /></RequirePermission> },
      { path: 'industry', element: <RequirePermission action="activity:read"><IndustryPage /></RequirePermission> },
      { path: 'consumption', element: <Navigate to="/sales" replace /> },
      { path: 'suppliers', element: <RequirePermission action="consumption:read"><SuppliersPage /></RequirePermission> },
      { path: 'certification', element: <RequirePermission action="consumption:read"><CertificationPage /></RequirePermission> },
      { path: 'certification/:id', element: <RequirePermission action="consumption:read"><ProductPage /></RequirePermission> },
      { path: 'catalogue-admin', element: <RequirePermission action="consumption:read"><CatalogueAdminPage /></RequirePermission> },
      { path: 'sales', element: <RequirePermission action="consumption:read"><SalesPage /></RequirePermission> },
      { path: 'claims', element: <ClaimsPage /> },
      { path: 'bulletins', element: <RequirePermission action="activity:read"><BulletinsPage /></RequirePermission> },
      { path: 'bulletins/:id', element: <RequirePermission action="activity:read"><BulletinPage /></RequirePermission> },
      { path: 'bulletin-editions', element: <RequirePermission action="activity:read"><EditionsPage /></RequirePermission> },
      { path: 'bulletin-editions/:id', element: <RequirePermission action="activity:read"><EditionPage /></RequirePermission> },
      { path: 'account', element: <AccountPage /> },
      { path: 'users', element: <RequirePermission action="user:read"><UsersPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission action="audit:read"><AuditPage /></RequirePermission> },
      { path: 'system', element: <RequirePermission action="user:write"><SystemPage /></RequirePermission> },
      { path: 'indicators', element: <RequirePermission action="indicator:read"><IndicatorsPage /></RequirePermission> },
      { path: 'indicators/targets', element: <RequirePermission action="indicator:read"><TargetsPage /></RequirePermission> },
      { path: 'indicators/:code', element: <RequirePermission action="indicator:read"><EvidencePage /></RequirePermission> },
      { path: 'assessment', element: <RequirePermission action="indicator:read"><AssessmentPage /></RequirePermission> },
      ...notBuiltRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
