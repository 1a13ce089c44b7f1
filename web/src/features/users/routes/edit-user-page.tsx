import { Badge, Group, Text } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Loading, QueryError } from '../../../components/feedback';
import { AnchorLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { fullName } from '../../../lib/format';
import { useUser } from '../api/get-user';
import { useEditorLookups } from '../components/use-editor-lookups';
import { type EditorTab, UserEditor } from '../components/user-editor';
import { USER_TYPE_LABELS } from '../components/user-form-values';
import { UserStatusActions } from '../components/user-status-actions';
import { UserStatusBadge } from '../components/user-status-badge';

export function EditUserPage() {
  const { userId } = useParams({ from: '/app/settings/users/$userId' });
  const { tab = 'details' } = useSearch({ from: '/app/settings/users/$userId' });
  const navigate = useNavigate({ from: '/settings/users/$userId' });
  const user = useUser(userId);
  const lookups = useEditorLookups();
  const setTab = (next: EditorTab) =>
    void navigate({ search: next === 'details' ? {} : { tab: next }, replace: true });

  const data = user.data;
  return (
    <Page
      title={data ? fullName(data, data.username) : 'User'}
      description={
        data ? (
          <Group gap="xs" component="span" wrap="wrap">
            <Text component="span">
              {data.username} · {data.securityGroup.name} · {USER_TYPE_LABELS[data.userType]}
            </Text>
            <UserStatusBadge user={data} />
            {data.mustChangePassword ? (
              <Badge variant="light" color="yellow" tt="none">
                Has not chosen a password yet
              </Badge>
            ) : null}
          </Group>
        ) : (
          <AnchorLink to="/settings/users">Back to users</AnchorLink>
        )
      }
      actions={data ? <UserStatusActions user={data} /> : null}
    >
      {user.isPending || lookups.status === 'loading' ? (
        <Loading label="Loading the user…" />
      ) : user.isError ? (
        <QueryError error={user.error} onRetry={() => void user.refetch()} />
      ) : lookups.status === 'error' ? (
        <QueryError error={lookups.error} onRetry={lookups.retry} />
      ) : (
        <UserEditor
          key={user.data.id}
          user={user.data}
          lookups={lookups.lookups}
          tab={tab}
          onTabChange={setTab}
        />
      )}
    </Page>
  );
}
