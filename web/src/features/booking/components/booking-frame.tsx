import { Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** The public booking pages' frame: the agency's name, one h1, the content in a card. */
export function BookingFrame({
  title,
  agencyName,
  description,
  children,
}: {
  title: string;
  agencyName?: string | undefined;
  description?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Box className="auth-background" mih="100vh" py={{ base: 16, sm: 40 }} px={{ base: 8, sm: 'md' }}>
      <Group component="header" justify="center" gap={10} mb="md">
        <ThemeIcon size={34} radius="md" variant="filled" aria-hidden>
          <IconCalendarTime size={20} />
        </ThemeIcon>
        <Text fw={700} fz={20} c="dark.8">
          {agencyName ?? 'Book an appointment'}
        </Text>
      </Group>
      <Box component="main" id="main" maw={880} mx="auto">
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'md', sm: 32 }}>
          <Stack gap={4} mb="lg">
            <Title order={1} fz={{ base: 22, sm: 26 }}>
              {title}
            </Title>
            {description ? (
              <Text c="dimmed" component="div">
                {description}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
