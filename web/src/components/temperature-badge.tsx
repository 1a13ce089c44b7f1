import { Badge, Tooltip } from '@mantine/core';
import { IconFlame, IconHandFinger, IconSnowflake, IconSun, IconTemperature } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export const TEMPERATURES = ['hot', 'warm', 'cool', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const TEMPERATURE_LABELS: Record<Temperature, string> = {
  hot: 'Hot',
  warm: 'Warm',
  cool: 'Cool',
  cold: 'Cold',
};

/** Colours of the four temperatures, also used by the dashboard's bars (CSS variables). */
export const TEMPERATURE_COLORS: Record<Temperature, string> = {
  hot: 'red',
  warm: 'orange',
  cool: 'cyan',
  cold: 'blue',
};

const ICONS: Record<Temperature, ReactNode> = {
  hot: <IconFlame size={12} aria-hidden />,
  warm: <IconSun size={12} aria-hidden />,
  cool: <IconTemperature size={12} aria-hidden />,
  cold: <IconSnowflake size={12} aria-hidden />,
};

export const TEMPERATURE_OPTIONS = TEMPERATURES.map((t) => ({ value: t, label: TEMPERATURE_LABELS[t] }));

/** A lead's temperature; a hand marks one set by hand (it overrides the age-based one). */
export function TemperatureBadge({
  temperature,
  manual = false,
  size = 'sm',
}: {
  temperature: Temperature;
  manual?: boolean;
  size?: 'xs' | 'sm' | 'md';
}) {
  const badge = (
    <Badge
      variant="light"
      color={TEMPERATURE_COLORS[temperature]}
      size={size}
      tt="none"
      leftSection={ICONS[temperature]}
      rightSection={manual ? <IconHandFinger size={12} aria-hidden /> : undefined}
      data-temperature={temperature}
    >
      {TEMPERATURE_LABELS[temperature]}
      {manual ? <span className="visually-hidden"> (set by hand)</span> : null}
    </Badge>
  );
  return manual ? (
    <Tooltip label="Set by hand" withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
