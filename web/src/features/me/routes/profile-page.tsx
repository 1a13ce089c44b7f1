import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Page } from '../../../components/page';
import { useMe } from '../../../lib/session';
import { ChangePasswordForm } from '../components/change-password-form';
import { ProfileForm } from '../components/profile-form';

export function ProfilePage() {
  const me = useMe();
  return (
    <Page title="Profile" description="Your name, time zone and password.">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="lg">
            Personal details
          </Title>
          <Group gap="xs">
            <Badge variant="light">{me.securityGroupName}</Badge>
            {me.isAccountAdmin ? (
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
