import { Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from './language-switch';

/**
 * The frame of every public page (booking; later forms and Rx Collect): the agency's name and the
 * language switch, one h1, the content in a card. Fits a 390 px phone.
 */
export function PublicLayout({
  title,
  brand,
  icon,
  description,
  children,
}: {
  title: string;
  /** The agency's name, or what the page is for until it is known. */
  brand: string;
  icon?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Box className="public-background" mih="100vh" py={{ base: 12, sm: 40 }} px={{ base: 8, sm: 'md' }}>
      <Group component="header" justify="space-between" gap="xs" maw={880} mx="auto" mb="md">
        <Group gap={10} wrap="nowrap">
          {icon ? (
            <ThemeIcon size={34} radius="md" variant="filled" aria-hidden>
              {icon}
            </ThemeIcon>
          ) : null}
          <Text fw={700} fz={{ base: 18, sm: 20 }} c="dark.8">
            {brand}
          </Text>
        </Group>
        <LanguageSwitch />
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
