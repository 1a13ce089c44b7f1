import { EmptyState, Paper } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { type SecurityGroup, useSecurityGroups } from '../../../lib/queries/security-groups';
import { DeleteSecurityGroupDialog } from '../components/delete-security-group-dialog';
import { SecurityGroupsTable } from '../components/security-groups-table';

export function SecurityGroupsPage() {
  const groups = useSecurityGroups();
  const [deleting, setDeleting] = useState<SecurityGroup | null>(null);
  return (
    <Page
      title="Security groups"
      description="A security group is the set of permissions its users share. Every user is in exactly one."
      actions={
        <ButtonLink to="/settings/security-groups/new" leftSection={<IconPlus size={16} aria-hidden />}>
          New security group
        </ButtonLink>
      }
    >
      <Paper withBorder radius="md" p={groups.data?.length ? 0 : 'lg'}>
        {groups.isPending ? (
          <Loading label="Loading security groups…" />
        ) : groups.isError ? (
          <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
        ) : groups.data.length === 0 ? (
          <EmptyState
            icon={<IconLock size={26} />}
            variant="light"
            title="No security groups"
            description="Create one before adding users."
            py="xl"
          />
        ) : (
          <SecurityGroupsTable groups={groups.data} onDelete={setDeleting} />
        )}
      </Paper>
      <DeleteSecurityGroupDialog group={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}
