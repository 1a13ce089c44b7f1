import { Badge } from '@mantine/core';
import type { ApiKey } from '../api/list-api-keys';

export const SCOPE_LABELS: Record<ApiKey['scope'], string> = {
  full: 'Full access',
  leads: 'Leads only',
};

export function ScopeBadge({ scope }: { scope: ApiKey['scope'] }) {
  return (
    <Badge variant="light" color={scope === 'full' ? 'indigo' : 'teal'}>
      {SCOPE_LABELS[scope]}
    </Badge>
  );
}
