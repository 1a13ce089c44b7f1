import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { useSecurityGroups } from '../../../lib/queries/security-groups';
import { useCreateSecurityGroup } from '../api/create-security-group';
import { useUpdateSecurityGroup } from '../api/update-security-group';
import { EMPTY_PERMISSIONS } from '../components/permission-categories';
import { SecurityGroupForm, type SecurityGroupValues } from '../components/security-group-form';

/** /settings/security-groups/new and /settings/security-groups/$groupId. */
export function SecurityGroupEditorPage() {
  const { groupId } = useParams({ strict: false });
  const groups = useSecurityGroups();
  const create = useCreateSecurityGroup();
  const update = useUpdateSecurityGroup();
  const navigate = useNavigate();
  const group = groupId ? groups.data?.find((g) => g.id === groupId) : undefined;

  const done = (name: string, verb: string) => {
    notifications.show({ color: 'green', title: `Group ${verb}`, message: `“${name}” is saved.` });
    void navigate({ to: '/settings/security-groups' });
  };
  const save = (values: SecurityGroupValues, onError: (error: unknown) => void) => {
    if (groupId)
      update.mutate({ id: groupId, patch: values }, { onSuccess: () => done(values.name, 'saved'), onError });
    else create.mutate(values, { onSuccess: () => done(values.name, 'created'), onError });
  };

  const title = groupId ? (group?.name ?? 'Security group') : 'New security group';
  return (
    <Page
      title={title}
      description={
        group
          ? `${group.userCount === 1 ? '1 user is' : `${group.userCount} users are`} in this group; they get changes on their next click.`
          : 'Choose what its users may see and do.'
      }
    >
      {!groupId ? (
        <SecurityGroupForm
          initial={{ name: '', permissions: EMPTY_PERMISSIONS }}
          submitLabel="Create group"
          saving={create.isPending}
          onSubmit={save}
        />
      ) : groups.isPending ? (
        <Loading label="Loading the group…" />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : !group ? (
        <ErrorAlert title="Security group not found">
          It may have been deleted.{' '}
          <AnchorLink to="/settings/security-groups">Back to security groups</AnchorLink>
        </ErrorAlert>
      ) : (
        <SecurityGroupForm
          key={group.id}
          initial={{ name: group.name, permissions: group.permissions }}
          submitLabel="Save group"
          saving={update.isPending}
          onSubmit={save}
        />
      )}
    </Page>
  );
}
