import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { errorMessage } from '../../../lib/problem';
import { useMe } from '../../../lib/session';
import { useCreateSavedView } from '../api/create-saved-view';
import { useDeleteSavedView } from '../api/delete-saved-view';
import { type SavedView, useSavedViews } from '../api/list-saved-views';
import { fromSavedQuery, type LeadsSearch, sameSearch, toListQuery } from './lead-search';

/** Pick one of my saved views, save the current filters as one, or delete the one shown. */
export function SavedViews({ search, onApply }: { search: LeadsSearch; onApply: (s: LeadsSearch) => void }) {
  const { timeZone } = useMe();
  const views = useSavedViews();
  const remove = useDeleteSavedView();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const items = views.data ?? [];
  const active = items.find((v) => sameSearch(fromSavedQuery(v.query, timeZone), search)) ?? null;

  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Select
        aria-label="Saved view"
        placeholder={items.length ? 'Saved views' : 'No saved views'}
        leftSection={<IconBookmark size={16} aria-hidden />}
        data={items.map((v) => ({ value: v.id, label: v.name }))}
        value={active?.id ?? null}
        disabled={items.length === 0}
        allowDeselect={false}
        onChange={(id) => {
          const view = items.find((v) => v.id === id);
          if (view) onApply(fromSavedQuery(view.query, timeZone));
        }}
        w={200}
      />
      {active ? (
        <Tooltip label={`Delete “${active.name}”`}>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Delete the saved view ${active.name}`}
            onClick={() => setDeleting(active)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="default" onClick={() => setSaving(true)}>
          Save view
        </Button>
      )}
      <Modal opened={saving} onClose={() => setSaving(false)} title="Save this view">
        {saving ? <SaveViewForm search={search} timeZone={timeZone} onDone={() => setSaving(false)} /> : null}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title="Delete saved view?"
      >
        {deleting ? (
          <Stack gap="md">
            {remove.isError ? <ErrorAlert>{errorMessage(remove.error)}</ErrorAlert> : null}
            <Text>
              The view <strong>{deleting.name}</strong> will be deleted. The leads are not affected.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" data-autofocus onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        title: 'View deleted',
                        message: `“${deleting.name}” was deleted.`,
                      });
                      setDeleting(null);
                    },
                  })
                }
              >
                Delete view
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Group>
  );
}

function SaveViewForm({
  search,
  timeZone,
  onDone,
}: {
  search: LeadsSearch;
  timeZone: string;
  onDone: () => void;
}) {
  const create = useCreateSavedView();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'Give the view a name.') },
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { name: values.name.trim(), query: toListQuery(search, timeZone) },
      {
        onSuccess: (view) => {
          notifications.show({
            color: 'green',
            title: 'View saved',
            message: `“${view.name}” is in your saved views.`,
          });
          onDone();
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the view">{formError}</ErrorAlert> : null}
        <Text size="sm" c="dimmed">
          The search, filters and sort shown now are saved under this name, for you only.
        </Text>
        <TextInput label="View name" required data-autofocus maxLength={80} {...form.getInputProps('name')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save view
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
