import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ErrorAlert } from '../../../public/kit/feedback';
import { applyProblemToForm } from '../../../lib/form-errors';
import { isApiError } from '../../../lib/problem';
import { type Booking, useCreateBooking } from '../api/create-booking';
import type { PublicSchedule } from '../api/get-public-schedule';
import type { Slot } from './slot-picker';
import { useBookingText } from './use-booking-text';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  answers: Record<string, string>;
};

/**
 * The booker's details and the schedule's questions. A taken slot (409) sends the booker back to
 * choose another time; other problems are shown on their fields.
 */
export function BookerForm({
  schedule,
  slot,
  zone,
  onBooked,
  onTaken,
  onBack,
}: {
  schedule: PublicSchedule;
  slot: Slot;
  zone: string;
  onBooked: (b: Booking) => void;
  onTaken: (message: string) => void;
  onBack: () => void;
}) {
  const { t } = useBookingText();
  const book = useCreateBooking(schedule.slug);
  const [formError, setFormError] = useState<string | null>(null);
  const questions = schedule.form.questions;
  const form = useForm<Values>({
    initialValues: {
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      answers: Object.fromEntries(questions.map((q) => [q.id, ''])),
    },
    validate: {
      firstName: (v) => (v.trim() ? null : t.required),
      lastName: (v) => (v.trim() ? null : t.required),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t.invalidEmail),
      phone: (v) => (schedule.form.phoneRequired && !v.trim() ? t.required : null),
      answers: Object.fromEntries(
        questions.map((q) => [q.id, (v: string) => (q.required && !v.trim() ? t.required : null)]),
      ),
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const answers: Record<string, string | boolean> = {};
    for (const q of questions) {
      const a = v.answers[q.id]?.trim() ?? '';
      if (!a) continue;
      answers[q.id] = q.type === 'yes_no' ? a === 'yes' : a;
    }
    book.mutate(
      {
        start: slot.start,
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim(),
        phone: v.phone.trim() || null,
        answers,
        timeZone: zone,
      },
      {
        onSuccess: onBooked,
        onError: (e) => {
          if (isApiError(e) && e.status === 409) return onTaken(e.problem.detail);
          setFormError(applyProblemToForm(form, e));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? <ErrorAlert title={t.couldNotBook}>{formError}</ErrorAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.firstName}
            required
            autoComplete="given-name"
            maxLength={100}
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t.lastName}
            required
            autoComplete="family-name"
            maxLength={100}
            {...form.getInputProps('lastName')}
          />
          <TextInput
            label={t.email}
            type="email"
            required
            autoComplete="email"
            maxLength={254}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t.phone}
            type="tel"
            required={schedule.form.phoneRequired}
            autoComplete="tel"
            maxLength={40}
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        {questions.map((q) => {
          const props = { label: q.label, required: q.required, ...form.getInputProps(`answers.${q.id}`) };
          if (q.type === 'long_text')
            return <Textarea key={q.id} autosize minRows={3} maxLength={2000} {...props} />;
          if (q.type === 'choice')
            return (
              <NativeSelect
                key={q.id}
                data={[{ value: '', label: t.chooseOne }, ...q.options.map((o) => ({ value: o, label: o }))]}
                {...props}
              />
            );
          if (q.type === 'yes_no')
            return (
              <Radio.Group key={q.id} {...props}>
                <Group mt="xs">
                  <Radio value="yes" label={t.yes} />
                  <Radio value="no" label={t.no} />
                </Group>
              </Radio.Group>
            );
          return <TextInput key={q.id} maxLength={300} {...props} />;
        })}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t.chooseAnotherTime}
          </Button>
          <Button type="submit" loading={book.isPending}>
            {t.bookThisTime}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
