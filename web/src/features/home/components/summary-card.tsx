import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card listing label/value pairs. */
export function SummaryCard({
  title,
  icon,
  rows,
}: {
  title: string;
  icon: ReactNode;
  rows: { label: string; value: ReactNode }[];
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group gap="xs" mb="md">
        {icon}
        <Title order={2} fz="md">
          {title}
        </Title>
      </Group>
      <Stack gap="sm" component="dl" m={0}>
        {rows.map((row) => (
          <Group key={row.label} justify="space-between" gap="md" wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed">
              {row.label}
            </Text>
            <Text component="dd" size="sm" fw={500} m={0} ta="right">
              {row.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
