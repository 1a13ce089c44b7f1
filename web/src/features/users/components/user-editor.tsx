import { Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconId, IconMail, IconDeviceFloppy, IconTargetArrow } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { ButtonLink } from '../../../components/links';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fullName } from '../../../lib/format';
import { isApiError } from '../../../lib/problem';
import { useMe } from '../../../lib/session';
import { useCreateUser } from '../api/create-user';
import type { User } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { TemporaryPasswordDialog } from './temporary-password-dialog';
import type { EditorLookups } from './use-editor-lookups';
import { UserDetailsFields } from './user-details-fields';
import {
  isSalesField,
  newUserValues,
  toCreateInput,
  toPatch,
  type UserFormValues,
  userValues,
  validateUser,
} from './user-form-values';
import { UserSalesFields } from './user-sales-fields';

export type EditorTab = 'details' | 'sales';

/** Field paths of a server problem, to find the tab that shows them. */
const problemPaths = (error: unknown): string[] =>
  isApiError(error) ? (error.problem.errors ?? []).map((e) => e.path) : [];

/**
 * The user editor, one form over two tabs (Details, Sales). Creating offers "Save & Email Login
 * Info" (the server emails a temporary password) and "Save" (the password is shown here once);
 * editing sends only what changed. Ctrl/⌘+S saves.
 */
export function UserEditor({
  user,
  lookups,
  tab,
  onTabChange,
}: {
  user?: User;
  lookups: EditorLookups;
  tab: EditorTab;
  onTabChange: (tab: EditorTab) => void;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateUser();
  const update = useUpdateUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{
    id: string;
    name: string;
    username: string;
    temporaryPassword: string;
  } | null>(null);
  const [saved, setSaved] = useState<UserFormValues>(() =>
    user ? userValues(user) : newUserValues(me.account.timeZone),
  );
  const form = useForm<UserFormValues>({
    initialValues: saved,
    validate: (values) => validateUser(values, lookups.groups),
  });

  const errorKeys = Object.keys(form.errors).filter((k) => form.errors[k]);
  const salesErrors = errorKeys.filter(isSalesField).length;
  const detailErrors = errorKeys.length - salesErrors;

  /** Show the tab holding the first problem, so nobody wonders why nothing was saved. */
  const revealErrors = (paths: string[]) => {
    if (paths.length === 0) return;
    const onSales = paths.some(isSalesField);
    const onDetails = paths.some((p) => !isSalesField(p));
    if (tab === 'details' && !onDetails && onSales) onTabChange('sales');
    if (tab === 'sales' && !onSales && onDetails) onTabChange('details');
  };

  const onServerError = (error: unknown) => {
    const unplaced = applyProblemToForm(form, error);
    // A rule (403/409/422) is worth saying in words even when its fields are marked.
    setFormError(unplaced ?? (isApiError(error) && error.status !== 400 ? error.problem.detail : null));
    revealErrors(problemPaths(error));
  };

  const submit = (sendLoginInfo: boolean) =>
    form.onSubmit(
      (values) => {
        setFormError(null);
        if (!user) {
          create.mutate(toCreateInput(values, sendLoginInfo), {
            onSuccess: ({ user: createdUser, temporaryPassword }) => {
              form.resetDirty();
              const name = fullName(createdUser, createdUser.username);
              if (temporaryPassword) {
                setCreated({ id: createdUser.id, name, username: createdUser.username, temporaryPassword });
                return;
              }
              notifications.show({
                color: 'green',
                title: 'User created',
                message: `Login info for ${name} was emailed to ${createdUser.email}.`,
              });
              void navigate({
                to: '/settings/users/$userId',
                params: { userId: createdUser.id },
                replace: true,
              });
            },
            onError: onServerError,
          });
          return;
        }
        const patch = toPatch(values, saved);
        if (Object.keys(patch).length === 0) {
          form.resetDirty();
          return;
        }
        update.mutate(
          { id: user.id, patch },
          {
            onSuccess: (next) => {
              const fresh = userValues(next);
              setSaved(fresh);
              form.setValues(fresh);
              form.resetDirty(fresh);
              notifications.show({
                color: 'green',
                title: 'User saved',
                message: `${fullName(next, next.username)}’s changes are saved.`,
              });
            },
            onError: onServerError,
          },
        );
      },
      (errors) => revealErrors(Object.keys(errors).filter((k) => errors[k])),
    );

  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], []);

  const busy = create.isPending || update.isPending;
  const dirty = form.isDirty();

  return (
    <>
      <form ref={formRef} onSubmit={submit(true)} noValidate aria-label={user ? 'Edit user' : 'New user'}>
        <Paper withBorder radius="md">
          <Stack gap="md" p="lg">
            {formError ? <ErrorAlert title="Could not save the user">{formError}</ErrorAlert> : null}
            <Tabs value={tab} onChange={(v) => onTabChange(v === 'sales' ? 'sales' : 'details')} keepMounted>
              <Tabs.List mb="lg">
                <Tabs.Tab
                  value="details"
                  leftSection={<IconId size={16} aria-hidden />}
                  rightSection={
                    detailErrors ? (
                      <Badge color="red" size="xs" circle aria-label={`${detailErrors} problems`}>
                        {detailErrors}
                      </Badge>
                    ) : null
                  }
                >
                  Details
                </Tabs.Tab>
                <Tabs.Tab
                  value="sales"
                  leftSection={<IconTargetArrow size={16} aria-hidden />}
                  rightSection={
                    salesErrors ? (
                      <Badge color="red" size="xs" circle aria-label={`${salesErrors} problems`}>
                        {salesErrors}
                      </Badge>
                    ) : null
                  }
                >
                  Sales
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="details">
                <UserDetailsFields form={form} lookups={lookups} {...(user ? { userId: user.id } : {})} />
              </Tabs.Panel>
              <Tabs.Panel value="sales">
                <UserSalesFields
                  form={form}
                  lookups={lookups}
                  accountPackage={me.account.package}
                  calendarLinks={user?.calendarLinks ?? []}
                />
              </Tabs.Panel>
            </Tabs>
          </Stack>
          <Group justify="space-between" className="sticky-actions" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty ? 'Unsaved changes' : user ? 'All changes saved' : ''}
            </Text>
            <Group gap="sm">
              {user ? (
                <>
                  <Button
                    variant="default"
                    disabled={!dirty || busy}
                    onClick={() => {
                      form.setValues(saved);
                      form.resetDirty(saved);
                      form.clearErrors();
                      setFormError(null);
                    }}
                  >
                    Discard changes
                  </Button>
                  <Button
                    type="submit"
                    loading={update.isPending}
                    disabled={!dirty}
                    leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                    aria-keyshortcuts="Control+S Meta+S"
                  >
                    Save changes
                  </Button>
                </>
              ) : (
                <>
                  <ButtonLink to="/settings/users" variant="default">
                    Cancel
                  </ButtonLink>
                  <Button
                    variant="default"
                    loading={create.isPending && create.variables?.sendLoginInfo === false}
                    disabled={busy}
                    onClick={() => submit(false)()}
                  >
                    Save
                  </Button>
                  <Button
                    type="submit"
                    loading={create.isPending && create.variables?.sendLoginInfo !== false}
                    disabled={busy}
                    leftSection={<IconMail size={16} aria-hidden />}
                  >
                    Save & Email Login Info
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Paper>
      </form>
      <TemporaryPasswordDialog
        created={created}
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) void navigate({ to: '/settings/users/$userId', params: { userId: id }, replace: true });
        }}
      />
    </>
  );
}
