import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CalendarFeedBox } from '../../../components/calendar-feed-box';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { canManageUsers, useMe } from '../../../lib/session';
import { useSalesProfile } from '../api/get-sales-profile';
import { ChangePasswordForm } from '../components/change-password-form';
import { ProfileForm } from '../components/profile-form';
import { SalesProfileForm } from '../components/sales-profile-form';

export function ProfilePage() {
  const me = useMe();
  const salesProfile = useSalesProfile();
  return (
    <Page title="Profile" description="Your name, time zone, sales profile and password.">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="lg">
            Personal details
          </Title>
          <Group gap="xs">
            <Badge variant="light">{me.securityGroupName}</Badge>
            {canManageUsers(me) ? (
              <Badge variant="light" color="grape">
                Account admin
              </Badge>
            ) : null}
          </Group>
        </Group>
        <ProfileForm me={me} />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap={4} mb="md">
          <Title order={2} fz="lg">
            Sales profile
          </Title>
          <Text c="dimmed" size="sm">
            Your sender details on Scope of Appointment and ACA forms.
          </Text>
        </Stack>
        {salesProfile.isPending ? (
          <Loading label="Loading your sales profile…" />
        ) : salesProfile.isError ? (
          <QueryError error={salesProfile.error} onRetry={() => void salesProfile.refetch()} />
        ) : (
          <SalesProfileForm profile={salesProfile.data} />
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap={4} mb="md">
          <Title order={2} fz="lg">
            Calendar feed
          </Title>
          <Text c="dimmed" size="sm">
            A private address for your activities (60 days back, a year ahead) in your own calendar app.
          </Text>
        </Stack>
        <CalendarFeedBox />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap={4} mb="md">
          <Title order={2} fz="lg">
            Change password
          </Title>
          <Text c="dimmed" size="sm">
            Changing your password signs you out everywhere else.
          </Text>
        </Stack>
        <ChangePasswordForm
          onChanged={() =>
            notifications.show({
              color: 'green',
              title: 'Password changed',
              message: 'Your other sessions were signed out.',
            })
          }
        />
      </Paper>
    </Page>
  );
}
