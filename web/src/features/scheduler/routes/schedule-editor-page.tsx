import { useParams } from '@tanstack/react-router';
import { Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { useActivityStatuses, useActivityTypes } from '../../../lib/queries/activities';
import { useAllUsers } from '../../../lib/queries/users';
import { useMe } from '../../../lib/session';
import { useSchedule } from '../api/get-schedule';
import type { Schedule } from '../api/list-schedules';
import { ScheduleForm } from '../components/schedule-form';

/** A new schedule, or an existing one (`/settings/schedules/$scheduleId`). */
export function ScheduleEditorPage() {
  const { scheduleId } = useParams({ strict: false });
  return scheduleId ? <EditSchedule id={scheduleId} /> : <Editor schedule={null} />;
}

function EditSchedule({ id }: { id: string }) {
  const schedule = useSchedule(id);
  if (schedule.isPending)
    return (
      <Page title="Appointment schedule">
        <Loading label="Loading the schedule…" />
      </Page>
    );
  if (schedule.isError)
    return (
      <Page title="Appointment schedule">
        <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />
      </Page>
    );
  return <Editor schedule={schedule.data} />;
}

function Editor({ schedule }: { schedule: Schedule | null }) {
  const me = useMe();
  const users = useAllUsers();
  const types = useActivityTypes();
  const statuses = useActivityStatuses();
  const title = schedule ? `Edit ${schedule.name}` : 'New appointment schedule';
  const pending = users.isPending || types.isPending || statuses.isPending;
  const error = users.error ?? types.error ?? statuses.error;
  return (
    <Page title={title}>
      {pending ? (
        <Loading />
      ) : error ? (
        <QueryError error={error} />
      ) : (
        <ScheduleForm
          key={schedule?.id ?? 'new'}
          schedule={schedule}
          users={users.data!}
          types={types.data!}
          statuses={statuses.data!}
          accountTimeZone={me.account.timeZone}
        />
      )}
    </Page>
  );
}
