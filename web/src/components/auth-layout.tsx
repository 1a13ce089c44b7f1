import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

type AuthLayoutProps = {
  /** The page's one h1, also the document title. */
  title: string;
  description?: ReactNode;
  width?: number;
  children: ReactNode;
  footer?: ReactNode;
};

/** The centered card used by the signed-out pages (setup, sign in, password reset). */
export function AuthLayout({ title, description, width = 420, children, footer }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <Box className="auth-background" mih="100vh" py={48} px="md">
      <Center component="header" mb="lg">
        <Group gap={10}>
          <ThemeIcon size={36} radius="md" variant="filled" aria-hidden>
            <IconShieldCheck size={22} />
          </ThemeIcon>
          <Text fw={700} fz={22} c="dark.8">
            OpenAMS
          </Text>
        </Group>
      </Center>
      <Box component="main" id="main" maw={width} mx="auto">
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }}>
          <Stack gap={4} mb="lg">
            <Title order={1} fz={24}>
              {title}
            </Title>
            {description ? <Text c="dimmed">{description}</Text> : null}
          </Stack>
          {children}
        </Paper>
        {footer ? (
          <Text ta="center" mt="md" size="sm">
            {footer}
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}
