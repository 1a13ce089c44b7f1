import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useBookingText } from './use-booking-text';

/**
 * The zone times are shown in: the device's by default; anyone can choose another. The browser's
 * own select (a phone's wheel, type-ahead on a desktop), lighter than a searchable combobox.
 */
export function ZonePicker({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const { t } = useBookingText();
  const options = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <NativeSelect
      label={t.timesShownIn}
      data={options}
      value={value}
      onChange={(e) => e.currentTarget.value && onChange(e.currentTarget.value)}
      w={{ base: '100%', sm: 340 }}
    />
  );
}
