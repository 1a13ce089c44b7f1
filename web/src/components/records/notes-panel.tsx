import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Popover,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconNote, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useAddNote, useRemoveNote } from '../../lib/attachments/add-note';
import { fullName, useDateTimeFormat } from '../../lib/format';
import { errorMessage } from '../../lib/problem';
import { type RecordOwner, useNotes } from '../../lib/queries/attachments';
import { ErrorAlert, Loading, QueryError } from '../feedback';

const initials = (p: { firstName: string; lastName: string } | null) =>
  p ? `${p.firstName.charAt(0)}${p.lastName.charAt(0)}`.toUpperCase() : '?';

/** Remove a note after a confirmation; the record's history keeps what it said. */
function RemoveNote({
  owner,
  noteId,
  onRemoved,
}: {
  owner: RecordOwner;
  noteId: string;
  onRemoved?: () => void;
}) {
  const remove = useRemoveNote(owner);
  const [open, setOpen] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          ml="auto"
          aria-label="Remove this note"
          onClick={() => setOpen((o) => !o)}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">Remove this note? The record’s history keeps what it said.</Text>
          {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>
              Keep
            </Button>
            <Button
              size="xs"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(noteId, {
                  onSuccess: () => {
                    setOpen(false);
                    onRemoved?.();
                  },
                })
              }
            >
              Remove
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Notes of a record, newest first, each with its author and time; a box to add one. */
export function NotesPanel({
  owner,
  canAdd,
  onAdded,
}: {
  owner: RecordOwner;
  canAdd: boolean;
  onAdded?: () => void;
}) {
  const notes = useNotes(owner);
  const add = useAddNote(owner);
  const formatTime = useDateTimeFormat();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError('Write something first.');
      return;
    }
    setError(null);
    add.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        onAdded?.();
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };

  return (
    <Stack gap="md">
      {canAdd ? (
        <form onSubmit={submit} aria-label="Add a note" noValidate>
          <Stack gap="xs">
            <Textarea
              label="New note"
              placeholder="What was said, what happens next…"
              autosize
              minRows={3}
              maxRows={12}
              maxLength={20_000}
              value={text}
              error={error}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending} leftSection={<IconNote size={16} aria-hidden />}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {notes.isPending ? (
        <Loading label="Loading notes…" />
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.length === 0 ? (
        <EmptyState
          icon={<IconNote size={26} />}
          variant="light"
          title="No notes yet"
          description={canAdd ? 'Notes are time-stamped and signed with your name.' : undefined}
          py="lg"
        />
      ) : (
        <Stack gap="sm" component="ol" className="plain-list" aria-label="Notes, newest first">
          {notes.data.map((note) => (
            <Paper component="li" key={note.id} withBorder radius="md" p="md" data-testid="note">
              <Group gap="sm" mb={6} wrap="nowrap" align="center">
                <Avatar size={28} radius="xl" color="indigo" aria-hidden>
                  {initials(note.author)}
                </Avatar>
                <Text size="sm" fw={600}>
                  {note.author ? fullName(note.author) : 'OpenAMS'}
                </Text>
                <Text size="sm" c="dimmed" component="time" dateTime={note.createdAt}>
                  {formatTime(note.createdAt)}
                </Text>
                {note.fromSalesRecordId ? (
                  <Badge size="sm" variant="default" tt="none">
                    From the Sales Record
                  </Badge>
                ) : null}
                {canAdd ? <RemoveNote owner={owner} noteId={note.id} onRemoved={onAdded} /> : null}
              </Group>
              <Text size="sm" className="pre-wrap">
                {note.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {add.isError && !error ? <ErrorAlert>{errorMessage(add.error)}</ErrorAlert> : null}
    </Stack>
  );
}
