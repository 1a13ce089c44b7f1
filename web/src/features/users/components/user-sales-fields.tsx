import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { FormSection } from '../../../components/form-section';
import { PACKAGE_LABELS, type Package } from '../../../lib/packages';
import type { EditorLookups } from './use-editor-lookups';
import { RecordTypeAccessGrid } from './record-type-access-grid';
import { SALES_FLAGS, type UserFormValues } from './user-form-values';

/** The Sales tab: texting hours, custom fields, which Sales Records and record types, extra permissions. */
export function UserSalesFields({
  form,
  lookups,
  accountPackage,
  calendarLinks,
}: {
  form: UseFormReturnType<UserFormValues>;
  lookups: EditorLookups;
  accountPackage: Package;
  /** The booking pages of the Appointment Schedules the user is on (seed 001: shown only then). */
  calendarLinks: { scheduleId: string; name: string; url: string }[];
}) {
  const values = form.getValues();
  const labels = lookups.account.customFieldLabels;
  const isScale = accountPackage === 'scale';
  const access = values.salesPermissions.recordTypeAccess;
  const anyAccess = Object.values(access).some((bits) => Object.values(bits).some(Boolean));

  return (
    <Stack gap="lg">
      <FormSection
        title="Texting window"
        description={`Texts can be sent only between these times, in the user’s time zone (${values.timeZone.replace(/_/g, ' ')}).`}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={420}>
          <TextInput
            type="time"
            label="Texts allowed from"
            required
            {...form.getInputProps('salesPermissions.textingWindow.start')}
          />
          <TextInput
            type="time"
            label="Until"
            required
            {...form.getInputProps('salesPermissions.textingWindow.end')}
          />
        </SimpleGrid>
      </FormSection>

      {calendarLinks.length > 0 && (
        <FormSection
          title="Calendar link"
          description="The public booking page of each Appointment Schedule this user is on."
        >
          <Stack gap={4}>
            {calendarLinks.map((l) => (
              <Group key={l.scheduleId} gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {l.name}:
                </Text>
                <Anchor
                  href={l.url}
                  target="_blank"
                  rel="noreferrer"
                  size="sm"
                  style={{ wordBreak: 'break-all' }}
                >
                  {l.url}
                </Anchor>
                <CopyButton value={l.url}>
                  {({ copied, copy }) => (
                    <Button variant="subtle" size="compact-xs" onClick={copy}>
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            ))}
          </Stack>
        </FormSection>
      )}

      <FormSection
        title="Custom fields"
        description="Four fields for user details such as a birthdate; rename them in Account settings."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {[0, 1, 2, 3].map((i) => (
            <TextInput
              key={i}
              label={labels[i] ?? `Custom field ${i + 1}`}
              maxLength={200}
              {...form.getInputProps(`customFields.${i}`)}
            />
          ))}
        </SimpleGrid>
      </FormSection>

      <FormSection
        title="Sales Records"
        description="Which Sales Records the user sees, and who they can pick as agent."
      >
        <Radio.Group label="Record access" {...form.getInputProps('salesPermissions.recordAccess')}>
          <Stack gap="xs" mt={6}>
            <Radio value="all" label="All Sales Records" />
            <Radio value="assigned" label="Only records assigned to them" />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Agent dropdown view"
          {...form.getInputProps('salesPermissions.agentDropdownView')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="all" label="All users of the account" />
            <Radio value="self" label="Only themselves" />
          </Stack>
        </Radio.Group>
      </FormSection>

      <FormSection
        title="Record type access"
        description="What the user may do with Sales Records of each record type."
      >
        {!anyAccess ? (
          <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
            No record type is allowed yet: the user will not see any Sales Records.
          </Alert>
        ) : null}
        <RecordTypeAccessGrid
          recordTypes={lookups.recordTypes}
          value={access}
          onChange={(next) => form.setFieldValue('salesPermissions.recordTypeAccess', next)}
        />
      </FormSection>

      <FormSection title="Additional permissions">
        {SALES_FLAGS.map(({ flag, label, description, scaleOnly }) => {
          const unavailable = scaleOnly && !isScale;
          return (
            <Switch
              key={flag}
              label={label}
              description={
                unavailable
                  ? `${description} Available on the Scale package only (this account is on ${PACKAGE_LABELS[accountPackage]}).`
                  : scaleOnly
                    ? `${description} Scale package.`
                    : description
              }
              disabled={unavailable}
              {...form.getInputProps(`salesPermissions.flags.${flag}`, { type: 'checkbox' })}
            />
          );
        })}
      </FormSection>
    </Stack>
  );
}
