import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useBookingText } from './use-booking-text';

/** The zone times are shown in: the device's by default; anyone can choose another. */
export function ZonePicker({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const { t } = useBookingText();
  const options = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <Select
      label={t.timesShownIn}
      data={options}
      value={value}
      searchable
      allowDeselect={false}
      onChange={(z) => z && onChange(z)}
      w={{ base: '100%', sm: 340 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
