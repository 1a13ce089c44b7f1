import { Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A settings section: its heading and explanation on the left, the fields on the right (stacked
 * on narrow screens). `order` is the heading level (h2 by default).
 */
export function FormSection({
  title,
  description,
  order = 2,
  children,
}: {
  title: string;
  description?: ReactNode;
  order?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl" verticalSpacing="sm" className="form-section">
      <Box>
        <Title order={order} fz="md" fw={650}>
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        ) : null}
      </Box>
      <Stack gap="md" className="form-section-fields">
        {children}
      </Stack>
    </SimpleGrid>
  );
}
