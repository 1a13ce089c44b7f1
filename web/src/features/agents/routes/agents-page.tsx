import { Button, EmptyState, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { type Agent, useAgents } from '../../../lib/queries/agents';
import { AgentDialog } from '../components/agent-dialog';
import { AgentsTable } from '../components/agents-table';

type ActiveFilter = 'active' | 'inactive' | 'all';

export function AgentsPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [status, setStatus] = useState<ActiveFilter>('active');
  const agents = useAgents({
    ...(q ? { q } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
  });
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);

  return (
    <Page
      title="Agent records"
      description="The agents of your agency and downline. Users are linked to them for their book of business."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New Agent Record
        </Button>
      }
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <TextInput
          type="search"
          aria-label="Search Agent Records"
          placeholder="Search by name, NPN or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={{ base: '100%', sm: 380 }}
        />
        <SegmentedControl
          aria-label="Show Agent Records"
          value={status}
          onChange={(v) => setStatus(v as ActiveFilter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      <Paper withBorder radius="md" p={agents.data?.length ? 0 : 'lg'}>
        {agents.isPending ? (
          <Loading label="Loading Agent Records…" />
        ) : agents.isError ? (
          <QueryError error={agents.error} onRetry={() => void agents.refetch()} />
        ) : agents.data.length === 0 ? (
          <EmptyState
            icon={<IconAddressBook size={26} />}
            variant="light"
            title={q ? 'No Agent Records match' : 'No Agent Records'}
            description={
              q ? `Nothing matches “${q}”.` : 'Create one for each agent, then link users to them.'
            }
            py="xl"
          />
        ) : (
          <AgentsTable agents={agents.data} onOpen={setEditing} />
        )}
      </Paper>
      {agents.data && agents.data.length >= 500 ? (
        <Text size="sm" c="dimmed" ta="center">
          Showing the first 500; search to narrow the list.
        </Text>
      ) : null}
      <AgentDialog
        opened={editing !== null}
        agent={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Page>
  );
}
