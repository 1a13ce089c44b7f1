import { Badge, SimpleGrid, Stack, Title } from '@mantine/core';
import {
  IconApi,
  IconChartBar,
  IconTargetArrow,
  IconUserHeart,
  IconBuildingStore,
  IconKey,
  IconMail,
  IconSettings,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { Page } from '../../../components/page';
import { PACKAGE_LABELS } from '../../../lib/packages';
import { canManageUsers, hasTask, useMe } from '../../../lib/session';
import { QuickLinkCard } from '../components/quick-link-card';
import { SummaryCard } from '../components/summary-card';

export function HomePage() {
  const me = useMe();
  const name = me.firstName || me.username;
  return (
    <Page title={`Welcome, ${name}`} description={`You are signed in to ${me.account.name}.`}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SummaryCard
          title="Your agency"
          icon={<IconBuildingStore size={20} aria-hidden />}
          rows={[
            { label: 'Name', value: me.account.name },
            { label: 'Package', value: <Badge variant="light">{PACKAGE_LABELS[me.account.package]}</Badge> },
            { label: 'Agency time zone', value: me.account.timeZone.replace(/_/g, ' ') },
          ]}
        />
        <SummaryCard
          title="You"
          icon={<IconUserCircle size={20} aria-hidden />}
          rows={[
            { label: 'Name', value: `${me.firstName} ${me.lastName}`.trim() },
            { label: 'Username', value: me.username },
            { label: 'Email', value: me.email },
            { label: 'Security group', value: me.securityGroupName },
            { label: 'Your time zone', value: me.timeZone.replace(/_/g, ' ') },
          ]}
        />
      </SimpleGrid>

      <Stack gap="sm">
        <Title order={2} fz="lg">
          Quick links
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {hasTask(me, 'sales_record.view') ? (
            <>
              <QuickLinkCard
                icon={<IconChartBar size={22} />}
                title="Dashboard"
                description="Open records by type, temperature and status."
                link={(p) => <Link to="/dashboard" {...p} />}
              />
              <QuickLinkCard
                icon={<IconTargetArrow size={22} />}
                title="Leads"
                description="Search, filter and work your Sales Records."
                link={(p) => <Link to="/leads" {...p} />}
              />
            </>
          ) : null}
          {hasTask(me, 'individual.view') ? (
            <QuickLinkCard
              icon={<IconUserHeart size={22} />}
              title="Clients"
              description="Individuals with their policies, notes and files."
              link={(p) => <Link to="/clients" {...p} />}
            />
          ) : null}
          <QuickLinkCard
            icon={<IconUserCircle size={22} />}
            title="Your profile"
            description="Name, time zone, password and sales profile."
            link={(p) => <Link to="/profile" {...p} />}
          />
          {canManageUsers(me) ? (
            <>
              <QuickLinkCard
                icon={<IconUsers size={22} />}
                title="Users"
                description="People, security groups, teams and sales permissions."
                link={(p) => <Link to="/settings/users" {...p} />}
              />
              <QuickLinkCard
                icon={<IconSettings size={22} />}
                title="Account settings"
                description="Agency name, time zone and custom user fields."
                link={(p) => <Link to="/settings/account" {...p} />}
              />
              <QuickLinkCard
                icon={<IconKey size={22} />}
                title="API keys"
                description="Connect lead vendors and other tools."
                link={(p) => <Link to="/settings/api-keys" {...p} />}
              />
              <QuickLinkCard
                icon={<IconMail size={22} />}
                title="Outbox"
                description="Emails sent to your users."
                link={(p) => <Link to="/settings/outbox" {...p} />}
              />
            </>
          ) : null}
          <QuickLinkCard
            icon={<IconApi size={22} />}
            title="API reference"
            description="The documented HTTP API for integrations."
            link={(p) => <a href="/api/docs" {...p} />}
          />
        </SimpleGrid>
      </Stack>
    </Page>
  );
}
