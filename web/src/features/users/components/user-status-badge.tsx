import { Badge, Stack, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';

/** Active, or Suspended with the day reactivation becomes possible. */
export function UserStatusBadge({
  user,
}: {
  user: { active: boolean; reactivationAllowedAt: string | null };
}) {
  const { timeZone } = useMe();
  if (user.active) {
    return (
      <Badge variant="light" color="green">
        Active
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color="gray">
        Suspended
      </Badge>
      {user.reactivationAllowedAt ? (
        <Text size="xs" c="dimmed">
          reactivation from {formatDate(user.reactivationAllowedAt, timeZone)}
        </Text>
      ) : null}
    </Stack>
  );
}
