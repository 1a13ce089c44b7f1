import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import { useDateTimeFormat } from '../../../lib/format';
import type { ApiKey } from '../api/list-api-keys';
import { ScopeBadge } from './scope-badge';

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const formatDate = useDateTimeFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">API keys of this account, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Scope</Table.Th>
            <Table.Th scope="col">Key prefix</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const revoked = key.revokedAt !== null;
            return (
              <Table.Tr key={key.id} data-testid="api-key-row" c={revoked ? 'dimmed' : undefined}>
                <Table.Td>
                  <Text fw={500} size="sm" c={revoked ? 'dimmed' : undefined}>
                    {key.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ScopeBadge scope={key.scope} />
                </Table.Td>
                <Table.Td>
                  <Code>{key.displayPrefix}…</Code>
                </Table.Td>
                <Table.Td>{formatDate(key.createdAt)}</Table.Td>
                <Table.Td>{key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td>
                  {revoked ? (
                    <Badge variant="light" color="gray" title={`Revoked ${formatDate(key.revokedAt)}`}>
                      Revoked
                    </Badge>
                  ) : (
                    <Badge variant="light" color="green">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {revoked ? null : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconKeyOff size={14} aria-hidden />}
                      onClick={() => onRevoke(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
