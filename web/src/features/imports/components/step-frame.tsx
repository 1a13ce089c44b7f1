import { Paper, Stack, Stepper, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { type Step, STEPS } from './import-flow';

const STEP_LABELS: Record<Step, { label: string; heading: string }> = {
  upload: { label: 'Upload', heading: 'Upload a CSV file' },
  mapping: { label: 'Preview and mapping', heading: 'Check the preview and the column mapping' },
  defaults: { label: 'Defaults', heading: 'Choose the defaults' },
  import: { label: 'Import', heading: 'Importing' },
  result: { label: 'Result', heading: 'Result' },
};

/**
 * The wizard's frame: the steps (the current one marked for screen readers), the step's heading,
 * and its content. When the step changes, focus moves to the new heading so keyboard and screen
 * reader users start reading there.
 */
export function StepFrame({
  step,
  finished,
  focusOnMount = false,
  children,
}: {
  step: Step;
  finished: boolean;
  /** Move focus to the heading at once too (the frame replaced another one, e.g. after the upload). */
  focusOnMount?: boolean;
  children: ReactNode;
}) {
  const index = STEPS.indexOf(step);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<Step | null>(focusOnMount ? null : step);
  useEffect(() => {
    if (shown.current !== step) heading.current?.focus();
    shown.current = step;
  }, [step]);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="nav" aria-label="Import steps">
        <Stepper active={finished ? STEPS.length : index} size="sm">
          {STEPS.map((s, i) => (
            <Stepper.Step
              key={s}
              label={STEP_LABELS[s].label}
              aria-current={i === index ? 'step' : undefined}
              aria-label={`Step ${i + 1} of ${STEPS.length}: ${STEP_LABELS[s].label}${
                i < index || finished ? ' (done)' : i === index ? ' (current)' : ''
              }`}
            />
          ))}
        </Stepper>
      </Paper>
      <Title order={2} fz="lg" ref={heading} tabIndex={-1} data-testid="import-step-heading">
        {index + 1}. {STEP_LABELS[step].heading}
      </Title>
      {children}
    </Stack>
  );
}
