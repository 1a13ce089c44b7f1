import { TextInput, type TextInputProps } from '@mantine/core';
import type { ChangeEvent, FocusEvent, KeyboardEvent } from 'react';
import { BAD_INPUT, isBadInput } from '../lib/bad-input';

type Props = Omit<TextInputProps, 'type' | 'value' | 'onChange'> & {
  type?: 'date' | 'datetime-local' | 'time';
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * A native date/time input that never loses what was typed: when the browser holds text that is not
 * a real date (02/30/2026, a half-typed value) the form gets `BAD_INPUT` (a field error) instead of
 * an empty value. The browser tells nothing when a field goes from empty to invalid, so the state is
 * read again on blur and on Enter (before the form submits).
 */
export function DateField({ type = 'date', value, onChange, onBlur, onKeyDown, ...rest }: Props) {
  const read = (input: HTMLInputElement) => {
    const next = input.validity.badInput ? BAD_INPUT : input.value;
    if (next !== (value ?? '')) onChange?.(next);
  };
  return (
    <TextInput
      {...rest}
      type={type}
      value={isBadInput(value) ? '' : (value ?? '')}
      onChange={(e: ChangeEvent<HTMLInputElement>) => read(e.currentTarget)}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        read(e.currentTarget);
        onBlur?.(e);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') read(e.currentTarget);
        onKeyDown?.(e);
      }}
    />
  );
}
