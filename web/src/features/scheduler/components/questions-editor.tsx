import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { newKey, QUESTION_TYPES, type QuestionType, type ScheduleValues } from './schedule-values';

/** The booking form: the fixed fields (name, email, phone) and up to 10 extra questions. */
export function QuestionsEditor({ form }: { form: UseFormReturnType<ScheduleValues> }) {
  const { questions } = form.getValues();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Every booker gives a first and last name and an email address.
      </Text>
      <Checkbox
        label="Phone number is required"
        {...form.getInputProps('phoneRequired', { type: 'checkbox' })}
      />
      {questions.map((q, i) => (
        <Paper key={q.key} withBorder radius="md" p="sm">
          <Stack gap="xs">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={`Question ${i + 1}`}
                placeholder="e.g. Which plan do you have today?"
                maxLength={200}
                style={{ flex: 1, minWidth: 220 }}
                {...form.getInputProps(`questions.${i}.label`)}
              />
              <Select
                label="Answer"
                data={QUESTION_TYPES.map((t) => ({ value: t.value, label: t.label }))}
                allowDeselect={false}
                w={150}
                value={q.type}
                onChange={(v) => v && form.setFieldValue(`questions.${i}.type`, v as QuestionType)}
              />
              <Checkbox
                mb={8}
                label="Required"
                {...form.getInputProps(`questions.${i}.required`, { type: 'checkbox' })}
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                mb={6}
                aria-label={`Remove question ${i + 1}`}
                onClick={() => form.removeListItem('questions', i)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            {q.type === 'choice' ? (
              <Textarea
                label="Options"
                description="One per line."
                autosize
                minRows={2}
                {...form.getInputProps(`questions.${i}.options`)}
              />
            ) : null}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={questions.length >= 10}
          onClick={() =>
            form.insertListItem('questions', {
              key: newKey(),
              label: '',
              type: 'text',
              required: false,
              options: '',
            })
          }
        >
          Add a question
        </Button>
      </Group>
    </Stack>
  );
}
