import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Input,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { formatPhone } from '../../../lib/format';
import { hasTask, useMe } from '../../../lib/session';
import type { SalesProfile } from '../api/get-sales-profile';
import { type SalesProfilePatch, useUpdateSalesProfile } from '../api/update-sales-profile';
import { SignaturePad } from './signature-pad';

type RepRow = { key: string; value: string };
type SignatureKind = 'none' | 'typed' | 'drawn';
type Values = {
  phone: string;
  npn: string;
  salesRepIds: RepRow[];
  defaultRep: string;
  signatureKind: SignatureKind;
  typedText: string;
  drawnDataUrl: string | null;
};

let seq = 0;
const newRow = (value = ''): RepRow => ({ key: `rep-${++seq}`, value });

function valuesOf(p: SalesProfile): Values {
  const rows = p.salesRepIds.map((r) => ({ ...newRow(r.value), isDefault: r.isDefault }));
  return {
    phone: formatPhone(p.phone),
    npn: p.npn ?? '',
    salesRepIds: rows.map(({ key, value }) => ({ key, value })),
    defaultRep: rows.find((r) => r.isDefault)?.key ?? rows[0]?.key ?? '',
    signatureKind: p.signature?.kind ?? 'none',
    typedText: p.signature?.kind === 'typed' ? p.signature.text : '',
    drawnDataUrl: p.signature?.kind === 'drawn' ? p.signature.dataUrl : null,
  };
}

/**
 * Phone, NPN, sales rep IDs (one is the default) and a typed or drawn signature: the sender
 * details of SOA and ACA forms. Fields the user's permissions do not cover are read-only.
 */
export function SalesProfileForm({ profile }: { profile: SalesProfile }) {
  const me = useMe();
  const update = useUpdateSalesProfile();
  const canSoa = hasTask(me, 'soa.profile.edit');
  const canAca = hasTask(me, 'aca.profile.edit');
  const [formError, setFormError] = useState<string | null>(null);
  const [initialDrawing, setInitialDrawing] = useState(valuesOf(profile).drawnDataUrl);
  const form = useForm<Values>({
    initialValues: valuesOf(profile),
    validate: (v) => ({
      npn: !v.npn.trim() || /^\d{1,10}$/.test(v.npn.trim()) ? null : 'An NPN is 1 to 10 digits.',
      typedText: v.signatureKind === 'typed' && !v.typedText.trim() ? 'Type your signature.' : null,
      drawnDataUrl:
        v.signatureKind === 'drawn' && !v.drawnDataUrl ? 'Draw your signature, or choose “None”.' : null,
      ...Object.fromEntries(
        v.salesRepIds.map((r, i) => [
          `salesRepIds.${i}.value`,
          r.value.trim() ? null : 'Enter the ID or remove it.',
        ]),
      ),
    }),
  });
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const rows = v.salesRepIds.map((r) => ({ ...r, value: r.value.trim() }));
    const defaultKey = rows.some((r) => r.key === v.defaultRep) ? v.defaultRep : rows[0]?.key;
    const patch: SalesProfilePatch = {};
    if (canSoa || canAca) patch.phone = v.phone.trim() || null;
    if (canAca) patch.npn = v.npn.trim() || null;
    if (canSoa) {
      patch.salesRepIds = rows.map((r) => ({ value: r.value, isDefault: r.key === defaultKey }));
      patch.signature =
        v.signatureKind === 'typed'
          ? { kind: 'typed', text: v.typedText.trim() }
          : v.signatureKind === 'drawn' && v.drawnDataUrl
            ? { kind: 'drawn', dataUrl: v.drawnDataUrl }
            : null;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        const next = valuesOf(saved);
        setInitialDrawing(next.drawnDataUrl);
        form.setValues(next);
        form.resetDirty(next);
        notifications.show({
          color: 'green',
          title: 'Sales profile saved',
          message: 'Your sender details are saved.',
        });
      },
      onError: (error) =>
        setFormError(
          applyProblemToForm(form, error, {
            'signature.text': 'typedText',
            'signature.dataUrl': 'drawnDataUrl',
            signature: 'signatureKind',
          }),
        ),
    });
  });

  const addRep = () => {
    const row = newRow();
    form.insertListItem('salesRepIds', row);
    if (values.salesRepIds.length === 0) form.setFieldValue('defaultRep', row.key);
    requestAnimationFrame(() => document.getElementById(`rep-${row.key}`)?.focus());
  };
  const removeRep = (index: number) => {
    const removed = values.salesRepIds[index]!;
    const rest = values.salesRepIds.filter((_, i) => i !== index);
    form.removeListItem('salesRepIds', index);
    if (removed.key === values.defaultRep) form.setFieldValue('defaultRep', rest[0]?.key ?? '');
  };
  const repListError = form.errors.salesRepIds;

  return (
    <form onSubmit={submit} noValidate aria-label="Sales profile">
      <Stack gap="md">
        {formError ? <ErrorAlert title="Could not save the sales profile">{formError}</ErrorAlert> : null}
        {!canSoa && !canAca ? (
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
            Your security group does not include Sales Enablement, so these details are read-only.
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Phone"
            description="Shown to beneficiaries on the forms you send."
            type="tel"
            autoComplete="tel"
            disabled={!canSoa && !canAca}
            {...form.getInputProps('phone')}
          />
          <TextInput
            label="NPN"
            description="Your National Producer Number (ACA forms)."
            inputMode="numeric"
            maxLength={10}
            disabled={!canAca}
            {...form.getInputProps('npn')}
          />
        </SimpleGrid>

        <Input.Wrapper
          label="Sales rep IDs"
          description="Your IDs with carriers; the default one goes on Scope of Appointment forms."
          error={typeof repListError === 'string' ? repListError : undefined}
        >
          <Radio.Group
            value={values.defaultRep}
            onChange={(v) => form.setFieldValue('defaultRep', v)}
            aria-label="Default sales rep ID"
          >
            <Stack gap={6} mt="xs">
              {values.salesRepIds.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No sales rep IDs yet.
                </Text>
              ) : null}
              {values.salesRepIds.map((row, i) => (
                <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    id={`rep-${row.key}`}
                    aria-label={`Sales rep ID ${i + 1}`}
                    placeholder="e.g. HUM-12345"
                    maxLength={50}
                    disabled={!canSoa}
                    style={{ flex: 1, maxWidth: 320 }}
                    {...form.getInputProps(`salesRepIds.${i}.value`)}
                  />
                  <Radio
                    value={row.key}
                    label="Default"
                    aria-label={`Sales rep ID ${i + 1} is the default`}
                    disabled={!canSoa}
                    mt={8}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={`Remove sales rep ID ${i + 1}`}
                    disabled={!canSoa}
                    onClick={() => removeRep(i)}
                    mt={4}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Box>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={addRep}
                  disabled={!canSoa || values.salesRepIds.length >= 20}
                >
                  Add sales rep ID
                </Button>
              </Box>
            </Stack>
          </Radio.Group>
        </Input.Wrapper>

        <Stack gap={6}>
          <Text size="sm" fw={500} id="signature-label">
            Signature
          </Text>
          <SegmentedControl
            aria-labelledby="signature-label"
            w="fit-content"
            disabled={!canSoa}
            data={[
              { value: 'none', label: 'None' },
              { value: 'typed', label: 'Typed' },
              { value: 'drawn', label: 'Drawn' },
            ]}
            {...form.getInputProps('signatureKind')}
          />
          {values.signatureKind === 'typed' ? (
            <Stack gap="xs" maw={480}>
              <TextInput
                label="Your signature, typed"
                placeholder="e.g. Jane Q. Agent"
                maxLength={100}
                disabled={!canSoa}
                {...form.getInputProps('typedText')}
              />
              <Paper
                withBorder
                radius="sm"
                px="md"
                py="xs"
                role="img"
                aria-label={`Signature preview: ${values.typedText.trim() || 'empty'}`}
              >
                <Text className="signature-typed" data-testid="typed-signature-preview" aria-hidden>
                  {values.typedText.trim() || ' '}
                </Text>
              </Paper>
            </Stack>
          ) : values.signatureKind === 'drawn' ? (
            <SignaturePad
              initial={initialDrawing}
              disabled={!canSoa}
              error={typeof form.errors.drawnDataUrl === 'string' ? form.errors.drawnDataUrl : null}
              onChange={(dataUrl) => form.setFieldValue('drawnDataUrl', dataUrl)}
            />
          ) : null}
        </Stack>

        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty() || (!canSoa && !canAca)}>
            Save sales profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
