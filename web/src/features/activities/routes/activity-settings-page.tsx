import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useActivityStatuses, useActivityTypes } from '../../../lib/queries/activities';
import { hasTask, useMe } from '../../../lib/session';
import { SettingsTable } from '../components/settings-table';

/** Settings › Activities: the account's Activity Types (with the Appointment category) and Statuses. */
export function ActivitySettingsPage() {
  const me = useMe();
  const types = useActivityTypes();
  const statuses = useActivityStatuses();
  const failed = types.isError ? types : statuses.isError ? statuses : null;
  return (
    <Page
      title="Activity types and statuses"
      description="What activities can be (calls, tasks, appointments…) and the statuses they go through."
    >
      {failed ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !types.data || !statuses.data ? (
        <Loading label="Loading activity settings…" />
      ) : (
        <>
          <SettingsTable
            kind="types"
            title="Activity types"
            description="Types in the Appointment category block their owner’s calendar (Appointment Scheduler)."
            rows={types.data}
            canCategorise={hasTask(me, 'activity_types.manage')}
          />
          <SettingsTable
            kind="statuses"
            title="Activity statuses"
            description="New activities start in the first open status; Complete uses the first closed one that is not a cancellation."
            rows={statuses.data}
            canCategorise={false}
          />
        </>
      )}
    </Page>
  );
}
