import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, Loading, QueryError } from '../../../components/feedback';
import { Page } from '../../../components/page';
import { api, unwrap } from '../../../lib/api-client';
import { errorMessage, isApiError } from '../../../lib/problem';
import { type FormSettings, useFormSettings } from '../api/forms';
import { PLAN_LABELS } from '../components/labels';

type Plan = FormSettings['plansOffered'][number];
const PLANS = Object.keys(PLAN_LABELS) as Plan[];

function FamilySettings({ family, title }: { family: 'soa' | 'aca'; title: string }) {
  const settings = useFormSettings(family);
  if (settings.isPending) return <Loading label={`Loading ${title} settings…`} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <FamilyForm key={JSON.stringify(settings.data)} family={family} title={title} initial={settings.data} />
  );
}

function FamilyForm({
  family,
  title,
  initial,
}: {
  family: 'soa' | 'aca';
  title: string;
  initial: FormSettings;
}) {
  const qc = useQueryClient();
  const [s, setS] = useState(initial);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/form-settings/{family}', {
          params: { path: { family } },
          body: {
            active: s.active,
            ...(family === 'soa'
              ? {
                  plansOffered: s.plansOffered,
                  defaultPlans: s.defaultPlans,
                  keepFortyEightHourPolicy: s.keepFortyEightHourPolicy,
                }
              : {}),
            signatureModes: s.signatureModes,
            templates: s.templates,
            successUrl: s.successUrl || null,
            retentionYears: s.retentionYears,
          },
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(['form-settings', family], data);
      notifications.show({ color: 'green', title: 'Saved', message: `${title} settings saved.` });
    },
  });
  const set = <K extends keyof FormSettings>(k: K, v: FormSettings[K]) => setS((x) => ({ ...x, [k]: v }));
  const tpl = (lang: 'en' | 'es', k: 'subject' | 'body', v: string) =>
    setS((x) => ({ ...x, templates: { ...x.templates, [lang]: { ...x.templates[lang], [k]: v } } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fieldErrors = isApiError(save.error) ? (save.error.problem.errors ?? []) : [];
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label={`${title} settings`}>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {title}
          </Title>
          {save.isError ? (
            <ErrorAlert title="Not saved">
              {errorMessage(save.error)} {fieldErrors.map((f) => `${f.path}: ${f.message}`).join(' ')}
            </ErrorAlert>
          ) : null}
          <Switch
            label="Active (agents may send these forms)"
            checked={s.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
          {family === 'soa' ? (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Checkbox.Group
                label="Plan types offered"
                value={s.plansOffered}
                onChange={(v) => set('plansOffered', v as Plan[])}
              >
                <Stack gap={6} mt={6}>
                  {PLANS.map((p) => (
                    <Checkbox key={p} value={p} label={PLAN_LABELS[p]} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Checkbox.Group
                label="Plans to represent by default"
                value={s.defaultPlans}
                onChange={(v) => set('defaultPlans', v as Plan[])}
              >
                <Stack gap={6} mt={6}>
                  {PLANS.map((p) => (
                    <Checkbox key={p} value={p} label={PLAN_LABELS[p]} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </SimpleGrid>
          ) : null}
          <Checkbox.Group
            label="Signatures accepted"
            value={s.signatureModes}
            onChange={(v) => set('signatureModes', v as FormSettings['signatureModes'])}
          >
            <Group mt={6}>
              <Checkbox value="typed" label="Typed" />
              <Checkbox value="drawn" label="Drawn" />
            </Group>
          </Checkbox.Group>
          {(['en', 'es'] as const).map((lang) => (
            <SimpleGrid key={lang} cols={{ base: 1, md: 2 }}>
              <TextInput
                label={`Subject (${lang === 'en' ? 'English' : 'Spanish'})`}
                value={s.templates[lang].subject}
                onChange={(e) => tpl(lang, 'subject', e.currentTarget.value)}
                maxLength={200}
              />
              <Textarea
                label={`Message (${lang === 'en' ? 'English' : 'Spanish'})`}
                description="Placeholders: {{link}} (required), {{name}}, {{agent}}"
                value={s.templates[lang].body}
                onChange={(e) => tpl(lang, 'body', e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={3}
              />
            </SimpleGrid>
          ))}
          <TextInput
            label="Success page (optional)"
            description="Where the signer goes after signing"
            value={s.successUrl ?? ''}
            onChange={(e) => set('successUrl', e.currentTarget.value)}
            maxLength={500}
          />
          <NumberInput
            label="Keep signed forms for (years)"
            description="At least 10; can only be lengthened."
            value={s.retentionYears}
            min={initial.retentionYears}
            max={100}
            onChange={(v) => set('retentionYears', typeof v === 'number' ? v : initial.retentionYears)}
          />
          {family === 'soa' ? (
            <Switch
              label="From 2026-10-01 (CY2027 rule), still ask for a reason when an appointment is less than 48 hours after the signature"
              checked={s.keepFortyEightHourPolicy}
              onChange={(e) => set('keepFortyEightHourPolicy', e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Anyone can check a signed PDF at /verify.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

/** Settings › Compliance forms: SOA (soa.settings.manage) and ACA (aca.settings.manage). */
export function FormSettingsPage() {
  return (
    <Page
      title="Compliance forms"
      description="Scope of Appointment and ACA consent and attestation forms, signed online."
    >
      <Stack gap="lg">
        <FamilySettings family="soa" title="Scope of Appointment" />
        <FamilySettings family="aca" title="ACA consent and attestation" />
      </Stack>
    </Page>
  );
}
