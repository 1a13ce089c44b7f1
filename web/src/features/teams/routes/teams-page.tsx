import { Button, EmptyState, Paper } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { type Team, useTeams } from '../../../lib/queries/teams';
import { useAllUsers } from '../../../lib/queries/users';
import { DeleteTeamDialog } from '../components/delete-team-dialog';
import { TeamDialog } from '../components/team-dialog';
import { TeamsTable } from '../components/teams-table';

export function TeamsPage() {
  const teams = useTeams();
  const users = useAllUsers();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const failed = teams.isError ? teams : users.isError ? users : null;

  return (
    <Page
      title="Teams"
      description="Teams group users for assigning Activities and for dashboard notices. A user can be in several."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New team
        </Button>
      }
    >
      <Paper withBorder radius="md" p={teams.data?.length ? 0 : 'lg'}>
        {failed ? (
          <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
        ) : !teams.data || !users.data ? (
          <Loading label="Loading teams…" />
        ) : teams.data.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={26} />}
            variant="light"
            title="No teams yet"
            description="Create a team, e.g. “Medicare desk”, and add its users."
            py="xl"
          />
        ) : (
          <TeamsTable teams={teams.data} users={users.data} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Paper>
      <TeamDialog
        opened={editing !== null}
        team={editing === 'new' ? null : editing}
        users={users.data ?? []}
        onClose={() => setEditing(null)}
      />
      <DeleteTeamDialog team={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
