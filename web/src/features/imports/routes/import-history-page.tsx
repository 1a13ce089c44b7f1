import { EmptyState, Paper } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Loading, QueryError } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { Page } from '../../../components/page';
import { fullName } from '../../../lib/format';
import { useAssignableUsers } from '../../../lib/queries/assignable-users';
import { allUsersQueryOptions } from '../../../lib/queries/users';
import { canManageUsers, useMe } from '../../../lib/session';
import { useImportHistory } from '../api/list-imports';
import { ImportsTable } from '../components/imports-table';

/** Every CSV import of the account, newest first, with its counts and links. */
export function ImportHistoryPage() {
  const me = useMe();
  const history = useImportHistory();
  // Names of who imported: every user for admins, the users I may assign otherwise.
  const allUsers = useQuery({ ...allUsersQueryOptions(), enabled: canManageUsers(me) });
  const assignable = useAssignableUsers();
  const userName = useMemo(() => {
    const names = new Map<string, string>();
    for (const u of assignable.data ?? []) names.set(u.id, fullName(u));
    for (const u of allUsers.data ?? []) names.set(u.id, fullName(u, u.username));
    return (id: string | null) => (id === me.id ? 'You' : id ? (names.get(id) ?? 'Another user') : 'API key');
  }, [assignable.data, allUsers.data, me.id]);

  return (
    <Page
      title="Import history"
      description="Every CSV import of your agency: open one to see its result, download its error report, resume or roll it back."
      actions={
        <ButtonLink to="/leads/import" search={{}} leftSection={<IconUpload size={16} aria-hidden />}>
          Import leads
        </ButtonLink>
      }
    >
      <Paper withBorder radius="md" p={history.data?.length ? 0 : 'lg'} aria-busy={history.isFetching}>
        {history.isPending ? (
          <Loading label="Loading imports…" />
        ) : history.isError ? (
          <QueryError error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.length === 0 ? (
          <EmptyState
            icon={<IconFileImport size={26} />}
            variant="light"
            title="No imports yet"
            description="Imported CSV files show here with what each one created."
            py="lg"
          />
        ) : (
          <ImportsTable items={history.data} userName={userName} />
        )}
      </Paper>
    </Page>
  );
}
