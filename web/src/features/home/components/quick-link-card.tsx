import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A card whose whole surface is one link (the link element is passed in as `link`). */
export function QuickLinkCard({
  icon,
  title,
  description,
  link,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  link: (props: { className: string; children: ReactNode }) => ReactNode;
}) {
  return link({
    className: 'quick-link-card',
    children: (
      <Card withBorder radius="md" padding="md" h="100%">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <div style={{ flex: 1 }}>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </div>
          <IconChevronRight size={18} aria-hidden className="quick-link-chevron" />
        </Group>
      </Card>
    ),
  });
}
