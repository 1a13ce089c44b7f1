import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useUnreadCount } from '../api/queries';

/** The header's unread count, kept current by live events (and a slow poll). */
export function UnreadBadge() {
  const q = useUnreadCount(true);
  const count = q.data?.count ?? 0;
  const label = count ? `Messages: ${count} unread` : 'Messages: none unread';
  return (
    <Tooltip label={label}>
      <Indicator
        label={count > 99 ? '99+' : count}
        size={18}
        disabled={count === 0}
        color="red"
        offset={4}
        data-testid="unread-badge"
      >
        <ActionIcon component={Link} to="/messages" variant="subtle" size="lg" aria-label={label}>
          <IconMessages size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
