import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { FullPageLoading } from '../components/feedback';
import { parseTab } from '../components/records/record-page';
import { AccountSettingsPage } from '../features/account/routes/account-settings-page';
import { AgentsPage } from '../features/agents/routes/agents-page';
import { ApiKeysPage } from '../features/api-keys/routes/api-keys-page';
import { ForgotPasswordPage } from '../features/auth/routes/forgot-password-page';
import { LoginPage } from '../features/auth/routes/login-page';
import { ResetPasswordPage } from '../features/auth/routes/reset-password-page';
import { HomePage } from '../features/home/routes/home-page';
import { ChangePasswordPage } from '../features/me/routes/change-password-page';
import { ProfilePage } from '../features/me/routes/profile-page';
import { OutboxPage } from '../features/outbox/routes/outbox-page';
import { RecordTypesPage } from '../features/record-types/routes/record-types-page';
import { SecurityGroupEditorPage } from '../features/security-groups/routes/security-group-editor-page';
import { SecurityGroupsPage } from '../features/security-groups/routes/security-groups-page';
import { setupStatusQueryOptions } from '../features/setup/api/get-setup-status';
import { SetupPage } from '../features/setup/routes/setup-page';
import { TeamsPage } from '../features/teams/routes/teams-page';
import { EditUserPage } from '../features/users/routes/edit-user-page';
import { NewUserPage } from '../features/users/routes/new-user-page';
import { UsersPage } from '../features/users/routes/users-page';
import { setCsrfToken } from '../lib/api-client';
import { isPasswordChangeRequired, isUnauthenticated } from '../lib/problem';
import { createAppQueryClient } from '../lib/react-query';
import { canManageUsers, hasTask, type Me, meQueryOptions, type Task } from '../lib/session';
import { CustomFieldsPage } from '../features/custom-fields/routes/custom-fields-page';
import { FormSettingsPage } from '../features/forms/routes/form-settings-page';
import { DashboardPage } from '../features/dashboard/routes/dashboard-page';
import { DeletedRecordsPage } from '../features/deleted-records/routes/deleted-records-page';
import { CLIENT_TABS, ClientPage } from '../features/individuals/routes/client-page';
import { ClientsPage } from '../features/individuals/routes/clients-page';
import { LeadIntakePage } from '../features/lead-intake/routes/lead-intake-page';
import { ImportColumnsPage } from '../features/imports/routes/import-columns-page';
import { ImportHistoryPage } from '../features/imports/routes/import-history-page';
import { ImportLeadsPage } from '../features/imports/routes/import-leads-page';
import { parseLeadsSearch } from '../features/sales-records/components/lead-search';
import { LEAD_TABS, LeadPage } from '../features/sales-records/routes/lead-page';
import { LeadsPage } from '../features/sales-records/routes/leads-page';
import { NewLeadPage } from '../features/sales-records/routes/new-lead-page';
import { ActivitySettingsPage } from '../features/activities/routes/activity-settings-page';
import { CalendarPage, parseCalendarSearch } from '../features/calendar/routes/calendar-page';
import { ScheduleEditorPage } from '../features/scheduler/routes/schedule-editor-page';
import { SchedulesPage } from '../features/scheduler/routes/schedules-page';
import { BeneficiaryPhonePage } from '../features/messaging/routes/beneficiary-phone-page';
import { MessagesPage } from '../features/messaging/routes/messages-page';
import { MessagingSettingsPage } from '../features/messaging/routes/messaging-settings-page';
import { canViewInbox } from '../features/messaging/permissions';
import { AppLayout } from './app-layout';
import { type NoAccess, NotFoundPage, RouteErrorPage } from './pages';

type RouterContext = { queryClient: QueryClient };

const PUBLIC_PATHS = ['/login', '/setup', '/forgot-password', '/reset-password'];
const isPublicPath = (pathname: string) => PUBLIC_PATHS.includes(pathname);

/** The session ended (signed out elsewhere, expired, suspended): sign in, then come back. */
function sendToSignIn() {
  const { pathname, href } = router.state.location;
  if (isPublicPath(pathname)) return;
  setCsrfToken(null);
  void router.navigate({ to: '/login', search: { redirect: href } }).then(() => queryClient.clear());
}

/** Any request answered 401 (session ended) sends the user to sign in, then back. */
export const queryClient = createAppQueryClient((error, meta) => {
  if (meta?.skipAuthRedirect) return;
  const { pathname } = router.state.location;
  if (isUnauthenticated(error)) {
    sendToSignIn();
  } else if (isPasswordChangeRequired(error) && pathname !== '/change-password') {
    void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    void router.navigate({ to: '/change-password' });
  }
});

/**
 * On every navigation inside the app, check the session in the background (at most every few
 * seconds): a user who was suspended or signed out elsewhere lands on the sign-in page at their
 * next click, and changed permissions (navigation, guards) apply at once.
 */
function revalidateSession(context: RouterContext) {
  context.queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 3_000 }).catch((error: unknown) => {
    if (isUnauthenticated(error)) sendToSignIn();
  });
}

/** The signed-in user, fetched once and then from the cache; null when signed out. */
async function loadMe(context: RouterContext) {
  try {
    return await context.queryClient.fetchQuery(meQueryOptions());
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (!status.needed) throw redirect({ to: '/login', replace: true });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery({ ...setupStatusQueryOptions(), staleTime: 30_000 });
    if (status.needed) throw redirect({ to: '/setup', replace: true });
  },
  component: LoginPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
  component: ResetPasswordPage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  beforeLoad: async ({ context, location }) => {
    const me = await loadMe(context);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: ChangePasswordPage,
});

/** Every page below needs a signed-in user who has no pending forced password change. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location, preload }) => {
    const me = await loadMe(context);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (me.mustChangePassword) throw redirect({ to: '/change-password' });
    if (!preload) revalidateSession(context);
    return { me };
  },
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

/**
 * A guard for pages that need a task of the permission matrix (e.g. `sales_record.view` for the
 * lead screens): anyone else sees a "you don't have access" page at that address, saying what they
 * lack (not a silent trip home).
 */
const requireTask =
  (task: Task, area: string) =>
  ({ context }: { context: { me: Me } }): { noAccess?: NoAccess } =>
    hasTask(context.me, task) ? {} : { noAccess: { area } };

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  beforeLoad: requireTask('sales_record.view', 'the sales dashboard'),
  component: DashboardPage,
});

const leadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads',
  validateSearch: parseLeadsSearch,
  beforeLoad: requireTask('sales_record.view', 'Sales Records'),
  component: LeadsPage,
});

const newLeadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/new',
  beforeLoad: requireTask('sales_record.add', 'adding Sales Records'),
  component: NewLeadPage,
});

const importLeadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/import',
  validateSearch: (search: Record<string, unknown>): { id?: string } =>
    typeof search.id === 'string' && /^[0-9a-f-]{36}$/i.test(search.id) ? { id: search.id } : {},
  beforeLoad: requireTask('sales_record.import', 'importing Sales Records'),
  component: ImportLeadsPage,
});

const importHistoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/imports',
  beforeLoad: requireTask('sales_record.import', 'importing Sales Records'),
  component: ImportHistoryPage,
});

const importColumnsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/import/columns',
  beforeLoad: requireTask('sales_record.import', 'importing Sales Records'),
  component: ImportColumnsPage,
});

const leadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$id',
  validateSearch: parseTab(LEAD_TABS),
  beforeLoad: requireTask('sales_record.view', 'Sales Records'),
  component: LeadPage,
});

const clientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clients',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q.trim() ? { q: search.q.trim().slice(0, 100) } : {},
  beforeLoad: requireTask('individual.view', 'clients'),
  component: ClientsPage,
});

const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clients/$id',
  validateSearch: parseTab(CLIENT_TABS),
  beforeLoad: requireTask('individual.view', 'clients'),
  component: ClientPage,
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  validateSearch: parseCalendarSearch,
  beforeLoad: requireTask('activity.use', 'the calendar'),
  component: CalendarPage,
});

const messagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages',
  beforeLoad: ({ context }): { noAccess?: NoAccess } =>
    canViewInbox(context.me)
      ? {}
      : {
          noAccess: { area: 'Messages', reason: 'The Messages page needs the View Messages Tab permission.' },
        },
  component: MessagesPage,
});

/** The simulator's beneficiary phone (the API answers 404 unless the simulator is the provider). */
const beneficiaryPhoneRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/messages/beneficiary-phone',
  component: BeneficiaryPhonePage,
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: ProfilePage,
});

/**
 * Settings need the `users.manage` task (Manage Users, agency users only). Anyone else who opens a
 * settings address sees a "you don't have access" page there.
 */
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  beforeLoad: ({ context }) => {
    if (!canManageUsers(context.me))
      return { noAccess: { area: 'Settings', reason: 'Settings are for users who can manage users.' } };
    return {};
  },
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/users', replace: true });
  },
});

const accountSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/account',
  component: AccountSettingsPage,
});

type UserStatusFilter = 'active' | 'suspended' | 'all';
type UsersSearch = { q?: string; status?: UserStatusFilter };

const usersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({
    ...(typeof search.q === 'string' && search.q ? { q: search.q } : {}),
    ...(search.status === 'active' || search.status === 'suspended' || search.status === 'all'
      ? { status: search.status }
      : {}),
  }),
  component: UsersPage,
});

const newUserRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users/new',
  validateSearch: (search: Record<string, unknown>): { tab?: 'details' | 'sales' } =>
    search.tab === 'sales' || search.tab === 'details' ? { tab: search.tab } : {},
  component: NewUserPage,
});

const editUserRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users/$userId',
  validateSearch: (search: Record<string, unknown>): { tab?: 'details' | 'sales' } =>
    search.tab === 'sales' || search.tab === 'details' ? { tab: search.tab } : {},
  component: EditUserPage,
});

const securityGroupsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/security-groups',
  component: SecurityGroupsPage,
});

const newSecurityGroupRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/security-groups/new',
  component: SecurityGroupEditorPage,
});

const editSecurityGroupRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/security-groups/$groupId',
  component: SecurityGroupEditorPage,
});

const teamsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/teams',
  component: TeamsPage,
});

const agentsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/agents',
  component: AgentsPage,
});

const recordTypesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/record-types',
  component: RecordTypesPage,
});

const activitySettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/activities',
  component: ActivitySettingsPage,
});

const apiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/api-keys',
  component: ApiKeysPage,
});

const outboxRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/outbox',
  component: OutboxPage,
});

const messagingSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/messaging',
  component: MessagingSettingsPage,
});

const formSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/forms',
  component: FormSettingsPage,
});

const customFieldsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/custom-fields',
  component: CustomFieldsPage,
});

const deletedRecordsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/deleted-records',
  component: DeletedRecordsPage,
});

const leadIntakeRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/lead-intake',
  component: LeadIntakePage,
});

const schedulesGuard = requireTask('scheduler.settings.manage', 'the Appointment Scheduler settings');
const schedulesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/schedules',
  beforeLoad: schedulesGuard,
  component: SchedulesPage,
});
const newScheduleRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/schedules/new',
  beforeLoad: schedulesGuard,
  component: ScheduleEditorPage,
});
const editScheduleRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/schedules/$scheduleId',
  beforeLoad: schedulesGuard,
  component: ScheduleEditorPage,
});

// The public pages (/book/…, later /forms/… and /rx/…) are a separate entry: web/src/public (docs/decisions/030).

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  changePasswordRoute,
  appRoute.addChildren([
    homeRoute,
    profileRoute,
    calendarRoute,
    dashboardRoute,
    leadsRoute,
    newLeadRoute,
    importLeadsRoute,
    importHistoryRoute,
    importColumnsRoute,
    leadRoute,
    clientsRoute,
    clientRoute,
    messagesRoute,
    beneficiaryPhoneRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      usersRoute,
      newUserRoute,
      editUserRoute,
      securityGroupsRoute,
      newSecurityGroupRoute,
      editSecurityGroupRoute,
      teamsRoute,
      agentsRoute,
      recordTypesRoute,
      activitySettingsRoute,
      accountSettingsRoute,
      apiKeysRoute,
      outboxRoute,
      customFieldsRoute,
      messagingSettingsRoute,
      formSettingsRoute,
      deletedRecordsRoute,
      leadIntakeRoute,
      schedulesRoute,
      newScheduleRoute,
      editScheduleRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Loaders use TanStack Query's cache; the router should not cache on top of it.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: FullPageLoading,
  // Inside the signed-in shell a page that fails (or is refused) shows in place, under the header.
  defaultErrorComponent: RouteErrorPage,
  defaultPendingMs: 300,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
