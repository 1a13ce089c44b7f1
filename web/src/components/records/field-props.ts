import type { GetInputPropsReturnType } from '@mantine/form';

/** A form's getInputProps, passed to field groups that several forms share. */
export type FieldProps = (path: string, options?: { type?: 'input' | 'checkbox' }) => GetInputPropsReturnType;
