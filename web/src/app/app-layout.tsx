import { AppShell, Badge, Burger, Divider, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconCalendar,
  IconCalendarCog,
  IconCalendarTime,
  IconChartBar,
  IconForms,
  IconSignature,
  IconHome,
  IconInbox,
  IconTargetArrow,
  IconTrashOff,
  IconUserHeart,
  IconKey,
  IconLayoutList,
  IconLock,
  IconMail,
  IconMessages,
  IconSettings,
  IconShieldCheck,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useMatches, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useLogout } from '../features/auth/api/logout';
import { PACKAGE_LABELS } from '../lib/packages';
import { canManageUsers, hasTask, useMe } from '../lib/session';
import { InShellContext, type NoAccess, NoAccessPage } from './pages';
import { UserMenu } from './user-menu';
import { UnreadBadge } from '../features/messaging/components/unread-badge';
import { LiveEvents } from '../features/messaging/live/live-events';
import { canViewInbox, wantsLiveEvents } from '../features/messaging/permissions';

type NavTarget =
  | '/'
  | '/dashboard'
  | '/leads'
  | '/clients'
  | '/settings/custom-fields'
  | '/settings/forms'
  | '/settings/lead-intake'
  | '/settings/deleted-records'
  | '/settings/users'
  | '/settings/security-groups'
  | '/settings/teams'
  | '/settings/agents'
  | '/settings/record-types'
  | '/settings/activities'
  | '/settings/schedules'
  | '/calendar'
  | '/settings/account'
  | '/settings/api-keys'
  | '/settings/outbox'
  | '/messages'
  | '/settings/messaging';

const SETTINGS_NAV: { to: NavTarget; label: string; icon: ReactNode }[] = [
  { to: '/settings/users', label: 'Users', icon: <IconUsers size={18} aria-hidden /> },
  { to: '/settings/security-groups', label: 'Security groups', icon: <IconLock size={18} aria-hidden /> },
  { to: '/settings/teams', label: 'Teams', icon: <IconUsersGroup size={18} aria-hidden /> },
  { to: '/settings/agents', label: 'Agent records', icon: <IconAddressBook size={18} aria-hidden /> },
  { to: '/settings/record-types', label: 'Record types', icon: <IconLayoutList size={18} aria-hidden /> },
  { to: '/settings/activities', label: 'Activity types', icon: <IconCalendarCog size={18} aria-hidden /> },
  {
    to: '/settings/schedules',
    label: 'Appointment scheduler',
    icon: <IconCalendarTime size={18} aria-hidden />,
  },
  { to: '/settings/custom-fields', label: 'Custom fields', icon: <IconForms size={18} aria-hidden /> },
  { to: '/settings/forms', label: 'Compliance forms', icon: <IconSignature size={18} aria-hidden /> },
  { to: '/settings/lead-intake', label: 'Lead intake', icon: <IconInbox size={18} aria-hidden /> },
  { to: '/settings/account', label: 'Account', icon: <IconSettings size={18} aria-hidden /> },
  { to: '/settings/api-keys', label: 'API keys', icon: <IconKey size={18} aria-hidden /> },
  { to: '/settings/outbox', label: 'Outbox', icon: <IconMail size={18} aria-hidden /> },
  { to: '/settings/messaging', label: 'Messaging', icon: <IconMessages size={18} aria-hidden /> },
  { to: '/settings/deleted-records', label: 'Deleted records', icon: <IconTrashOff size={18} aria-hidden /> },
];

function NavItem({
  to,
  label,
  icon,
  pathname,
}: {
  to: NavTarget;
  label: string;
  icon: ReactNode;
  pathname: string;
}) {
  const active = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      className="nav-item"
    />
  );
}

/** The signed-in frame: header (brand, account, user menu), navigation, main content. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useLocation({ select: (l) => l.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  // A guard refused the page (see requireTask): say so here, at that address.
  const noAccess = useMatches({
    select: (matches) =>
      matches.map((m) => (m.context as { noAccess?: NoAccess } | undefined)?.noAccess).find(Boolean),
  });

  useEffect(close, [pathname, close]);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate({ to: '/login' });
        queryClient.clear();
      },
    });

  return (
    <>
      <LiveEvents enabled={wantsLiveEvents(me)} />
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="xl"
      >
        <AppShell.Header className="app-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
              />
              <Link to="/" className="brand-link" aria-label="OpenAMS home">
                <Group gap={8} wrap="nowrap">
                  <ThemeIcon size={30} radius="md" aria-hidden>
                    <IconShieldCheck size={19} />
                  </ThemeIcon>
                  <Text fw={700} fz="lg">
                    OpenAMS
                  </Text>
                </Group>
              </Link>
              <Divider orientation="vertical" visibleFrom="sm" my={16} />
              <Group gap="xs" visibleFrom="sm" wrap="nowrap" miw={0}>
                <Text fw={600} truncate data-testid="header-account-name">
                  {me.account.name}
                </Text>
                <Badge variant="light" size="sm">
                  {PACKAGE_LABELS[me.account.package]}
                </Badge>
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {canViewInbox(me) ? <UnreadBadge /> : null}
              <UserMenu
                me={me}
                onProfile={() => void navigate({ to: '/profile' })}
                onSignOut={signOut}
                signingOut={logout.isPending}
              />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label="Main navigation">
          <AppShell.Section grow component={ScrollArea}>
            <NavItem to="/" label="Home" icon={<IconHome size={18} aria-hidden />} pathname={pathname} />
            {hasTask(me, 'sales_record.view') ? (
              <>
                <NavItem
                  to="/dashboard"
                  label="Dashboard"
                  icon={<IconChartBar size={18} aria-hidden />}
                  pathname={pathname}
                />
                <NavItem
                  to="/leads"
                  label="Leads"
                  icon={<IconTargetArrow size={18} aria-hidden />}
                  pathname={pathname}
                />
              </>
            ) : null}
            {hasTask(me, 'activity.use') ? (
              <NavItem
                to="/calendar"
                label="Calendar"
                icon={<IconCalendar size={18} aria-hidden />}
                pathname={pathname}
              />
            ) : null}
            {canViewInbox(me) ? (
              <NavItem
                to="/messages"
                label="Messages"
                icon={<IconMessages size={18} aria-hidden />}
                pathname={pathname}
              />
            ) : null}
            {hasTask(me, 'individual.view') ? (
              <NavItem
                to="/clients"
                label="Clients"
                icon={<IconUserHeart size={18} aria-hidden />}
                pathname={pathname}
              />
            ) : null}
            {canManageUsers(me) ? (
              <>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="lg" mb={6}>
                  Settings
                </Text>
                {SETTINGS_NAV.map((item) => (
                  <NavItem key={item.to} {...item} pathname={pathname} />
                ))}
              </>
            ) : null}
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py="xs">
              OpenAMS · {me.account.name}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <InShellContext.Provider value>
            {noAccess ? <NoAccessPage {...noAccess} /> : <Outlet />}
          </InShellContext.Provider>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
