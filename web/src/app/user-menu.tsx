import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import type { Me } from '../lib/session';

const initials = (me: Me) =>
  `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase() || me.username.charAt(0).toUpperCase();

export function UserMenu({
  me,
  onProfile,
  onSignOut,
  signingOut,
}: {
  me: Me;
  onProfile: () => void;
  onSignOut: () => void;
  signingOut: boolean;
}) {
  const name = `${me.firstName} ${me.lastName}`.trim() || me.username;
  return (
    <Menu position="bottom-end" width={220} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={`User menu for ${name}`} px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap={10} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden>
              {initials(me)}
            </Avatar>
            <div className="user-menu-name">
              <Text size="sm" fw={600} lh={1.2}>
                {name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {me.email}
              </Text>
            </div>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {me.username}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={onProfile}>
          Profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={onSignOut}
          disabled={signingOut}
          color="red.9"
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
